package org.groundwork.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.junit.QuarkusTest;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report pages in a browser: the chart drawn on the server, the table beside it, accessible. */
@QuarkusTest
class ReportPagesBrowserTest extends BrowserTest {

    /** A work for deepening involvement that spends its time with new people; some time with no work. */
    static String data(TestTeam team) {
        String work = team.api().body(Map.of("name", "Depot drive", "focus", "deepen-involvement",
                        "justification", "The depot committee needs more hands"))
                .post("/api/v1/works").then().statusCode(201).extract().path("id");
        String ella = PagesBrowserTest.contact(team, Map.of("fullName", "Ella Baker", "engagementLevel", "new",
                "position", "officer"));
        String rosa = PagesBrowserTest.contact(team, Map.of("fullName", "Rosa Parks", "engagementLevel", "cadre"));
        String at = Instant.now().minus(2, ChronoUnit.HOURS).toString();
        String later = Instant.now().minus(1, ChronoUnit.HOURS).toString();
        team.api().body(Map.of("contactId", ella, "workId", work, "durationMinutes", 45, "occurredAt", at,
                        "summary", "Talked at the depot gate"))
                .post("/api/v1/conversations").then().statusCode(201);
        team.api().body(Map.of("contactId", rosa, "durationMinutes", 20, "occurredAt", at, "summary", "Planning"))
                .post("/api/v1/conversations").then().statusCode(201);
        team.api().body(Map.of("level", "less-involved", "changedAt", later))
                .post("/api/v1/contacts/" + ella + "/level").then().statusCode(201);
        return work;
    }

    @Test
    void openTheTimeReportAndFindTheChartAndTheTable() {
        TestTeam team = TestTeam.create();
        data(team);
        logIn(team);
        // on a phone the reports are folded under the navigation's "More"
        page.locator("details.nav-fold summary").click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Reports")).click();
        assertThat(page.locator("h1")).hasText("Time report");
        assertThat(page.locator("#summary")).containsText("mostly with new people");

        // the chart: inline SVG with a title, its bars with words beside them
        Locator chart = page.locator("svg#by-work-chart");
        assertThat(chart).isVisible();
        assertThat(chart).hasAttribute("role", "img");
        assertThat(chart.locator("title").first()).hasText("Time by level per work");
        assertThat(chart).containsText("Depot drive");
        assertThat(chart).containsText("does not match");
        assertTrue(chart.locator("rect.seg-new").count() > 0, "a bar for new people");
        assertThat(page.locator("#by-work-heading ~ .chart-pair .legend")).containsText("Less involved");

        // the table beside it: the same minutes, the focus and the verdict
        Locator table = page.locator("#table-by-work");
        assertThat(table.locator("caption")).hasText("Minutes by level per work");
        Locator depot = table.locator("tbody tr", new Locator.LocatorOptions().setHasText("Depot drive"));
        assertThat(depot.locator("td").nth(0)).hasText("Deepen involvement");
        assertThat(depot.locator("td").nth(1)).containsText("Does not match its focus");
        assertThat(depot.locator("td").nth(2)).hasText("45"); // new
        assertThat(depot.locator("td").last()).hasText("45"); // total
        Locator none = table.locator("tbody tr", new Locator.LocatorOptions().setHasText("No work"));
        assertThat(none.locator("td").nth(4)).hasText("20"); // cadre

        assertThat(page.locator("svg#by-position-chart title").first()).hasText("Time by position");
        assertThat(page.locator("#table-by-position tbody tr", new Page.LocatorOptions().setHasText("Officer"))
                .locator("td")).hasText("45");
        assertThat(page.locator("svg#by-week-chart")).isVisible();
        assertThat(page.locator("#table-top-people tbody tr").first()).containsText("Ella Baker");
        assertThat(page.locator("#table-top-people tbody tr").first().locator("td")).hasText("45");
        assertTrue(fitsWidth(), "the time report fits a phone's width");

        // a preset and the team's figures through the form
        page.getByLabel("Period").selectOption("7");
        page.getByLabel("Organizer").selectOption("all");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show report")).click();
        assertThat(page.locator("#summary")).containsText("the team's");
        assertThat(page.locator("#totals")).containsText("65 minutes in all");
    }

    /** Issue 12, bug 8: an action's 100 minutes shared by three showed "33.3" on the page. */
    @Test
    void thePageShowsWholeMinutesAndSaysWhyGroupTimeIsShared() {
        TestTeam team = TestTeam.create();
        java.util.List<Map<String, Object>> attendance = new java.util.ArrayList<>();
        for (String name : new String[]{"Ella Baker", "Rosa Parks", "Bayard Rustin"}) {
            attendance.add(Map.of("contactId", PagesBrowserTest.contact(team, Map.of("fullName", name)),
                    "firstTime", false));
        }
        String action = team.api().body(Map.of("title", "Rent strike meeting", "durationMinutes", 100,
                        "startsAt", Instant.now().minus(3, ChronoUnit.HOURS).toString(),
                        "organizerIds", java.util.List.of(team.adminId)))
                .post("/api/v1/actions").then().statusCode(201).extract().path("id");
        team.api().body(attendance).put("/api/v1/actions/" + action + "/attendance").then().statusCode(200);
        // the API keeps the exact share
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        float share = team.api().queryParam("from", today.minusDays(1).toString()).queryParam("to", today.toString())
                .get("/api/v1/reports/time").then().statusCode(200)
                .extract().jsonPath().getFloat("people[0].minutes");
        org.junit.jupiter.api.Assertions.assertEquals(33.33f, share, 0.01f);

        logIn(team);
        page.navigate(url("/reports/time"));
        assertThat(page.locator("#table-top-people tbody tr").first().locator("td")).hasText("33");
        assertThat(page.locator("#shared-time")).containsText("shared evenly among the people who came");
        String shown = page.locator("main").innerText();
        org.junit.jupiter.api.Assertions.assertFalse(shown.matches("(?s).*\\d+\\.\\d+ min.*"), shown);
        org.junit.jupiter.api.Assertions.assertFalse(shown.contains("33.3"), "no fractions of minutes: " + shown);
        assertThat(page.locator("svg#top-people-chart")).containsText("33 min");
        assertThat(page.locator("svg#top-people-chart")).not().containsText("33.3");
    }

    /** Issue 12, bug 3: choosing "Last 90 days" left the last 30 days in From/To. */
    @Test
    void choosingAPresetShowsItsDatesInFromAndTo() {
        TestTeam team = TestTeam.create("Pacific/Auckland");
        logIn(team);
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Pacific/Auckland"));
        String from90 = today.minusDays(89).toString();
        page.navigate(url("/reports/time"));
        assertThat(page.getByLabel("From (custom)")).hasValue(today.minusDays(29).toString());

        page.getByLabel("Period").selectOption("90");
        assertThat(page.getByLabel("From (custom)")).hasValue(from90);
        assertThat(page.getByLabel("To (custom)")).hasValue(today.toString());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show report")).click();
        page.waitForURL(u -> u.contains("period=90"));
        assertThat(page.getByLabel("From (custom)")).hasValue(from90);
        assertThat(page.locator("#totals")).containsText("From " + day(from90) + " to " + day(today));

        // typing a date of one's own makes the period custom, and the report covers those dates
        page.getByLabel("From (custom)").fill(today.minusDays(3).toString());
        assertThat(page.getByLabel("Period")).hasValue("custom");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show report")).click();
        page.waitForURL(u -> u.contains("period=custom"));
        assertThat(page.locator("#totals")).containsText("From " + day(today.minusDays(3)) + " to " + day(today));

        // the movement report's form behaves the same
        page.navigate(url("/reports/movement"));
        page.getByLabel("Period").selectOption("7");
        assertThat(page.getByLabel("From (custom)")).hasValue(today.minusDays(6).toString());
    }

    @Test
    void theMovementReportShowsTransitionsAndFollowUps() {
        TestTeam team = TestTeam.create();
        data(team);
        logIn(team);
        page.navigate(url("/reports/movement"));
        assertThat(page.locator("h1")).hasText("Movement report");
        Locator row = page.locator("table tbody tr", new Page.LocatorOptions().setHasText("New → Less involved"));
        assertThat(row.locator("td").first()).hasText("1");
        assertThat(row).containsText("Ella Baker");
        assertThat(page.locator("main")).containsText("Overdue follow-ups");
        assertTrue(fitsWidth(), "the movement report fits a phone's width");
    }

    @Test
    void reportPagesHaveNoSeriousAccessibilityViolations() {
        TestTeam team = TestTeam.create();
        String work = data(team);
        logIn(team);
        for (String path : new String[]{"/reports/time", "/reports/time?organizer=all&work=" + work,
                "/reports/time?period=custom&from=nope&to=2026-01-01", "/reports/movement"}) {
            assertAccessible(path);
            assertTrue(fitsWidth(), path + " fits a phone's width");
        }
    }

    /** A day as the pages write it in English (Labels). */
    static String day(Object isoDate) {
        return java.time.LocalDate.parse(isoDate.toString())
                .format(java.time.format.DateTimeFormatter.ofPattern("EEE d MMM yyyy", java.util.Locale.ENGLISH));
    }
}
