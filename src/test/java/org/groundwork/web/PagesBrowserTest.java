package org.groundwork.web;

import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.junit.QuarkusTest;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an organizer does in a browser, at a phone's width. */
@QuarkusTest
class PagesBrowserTest extends BrowserTest {

    static String contact(TestTeam team, Map<String, Object> body) {
        return team.api().body(body).post("/api/v1/contacts").then().statusCode(201).extract().path("id");
    }

    @Test
    void anonymousVisitsGoToLoginAndLoggingInShowsToday() {
        TestTeam team = TestTeam.create();
        page.navigate(url("/contacts"));
        assertTrue(page.url().contains("/login"));
        logIn(team);
        // the login lands on the page first asked for (web/ReturnTo)
        assertThat(page.getByRole(AriaRole.HEADING, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Contacts").setLevel(1))).isVisible();
        page.navigate(url("/"));
        assertThat(page.getByRole(AriaRole.HEADING, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Today").setLevel(1))).isVisible();
        assertTrue(fitsWidth(), "Today fits a phone's width");

        page.locator("details.nav-fold summary").click();
        page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Log out")).click();
        page.waitForURL(u -> u.contains("/login"));
        page.navigate(url("/contacts"));
        assertTrue(page.url().contains("/login"), "logged out: pages go to the login page again");
    }

    /**
     * A wrong password lands on the login page answered as a 401: the browser shows it as any page,
     * with the message and the email typed, and the right password from there logs in.
     */
    @Test
    void aWrongPasswordShowsTheLoginPageAgainWithItsMessageAndTheEmailTyped() {
        TestTeam team = TestTeam.create();
        page.navigate(url("/login"));
        page.getByLabel("Email").fill(team.adminEmail);
        page.getByLabel("Password").fill("not the password");
        com.microsoft.playwright.Response landed = page.waitForResponse(r -> r.url().contains("/login?error"),
                () -> page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions()
                        .setName("Log in")).click());
        assertTrue(landed.status() == 401, "the failed login's page: " + landed.status());
        assertThat(page.getByRole(AriaRole.ALERT)).hasText("Wrong email or password.");
        assertThat(page.getByLabel("Email")).hasValue(team.adminEmail);
        page.getByLabel("Password").fill(TestTeam.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Log in")).click();
        page.waitForURL(u -> !u.contains("/login"));
        assertThat(page.getByRole(AriaRole.HEADING, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Today").setLevel(1))).isVisible();
    }

    /** Issue 12, bug 9: /favicon.ico was a 404 (a console error on every page) and pages had no description. */
    @Test
    void everyPageHasAnIconAndADescription() {
        io.restassured.RestAssured.given().get("/favicon.ico").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("image/"));
        io.restassured.RestAssured.given().get("/favicon.svg").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("image/svg+xml"));
        TestTeam team = TestTeam.create();
        java.util.List<String> consoleErrors = new java.util.ArrayList<>();
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                consoleErrors.add(page.url() + ": " + m.text());
            }
        });
        page.navigate(url("/login"));
        assertDescribed();
        logIn(team);
        for (String path : new String[]{"/", "/contacts", "/actions", "/works", "/reports/time", "/settings",
                "/contacts/" + java.util.UUID.randomUUID()}) {
            page.navigate(url(path));
            assertDescribed();
            String icon = page.locator("link[rel=icon]").getAttribute("href");
            Object status = page.evaluate("href => fetch(href).then(r => r.status)", icon);
            assertTrue(Integer.valueOf(200).equals(status), path + ": its icon answers " + status);
        }
        assertTrue(consoleErrors.stream().noneMatch(e -> e.contains("favicon")), String.valueOf(consoleErrors));
    }

    private void assertDescribed() {
        String description = page.locator("meta[name=description]").getAttribute("content");
        assertTrue(description != null && description.length() > 40, page.url() + " has a meta description");
    }

    /** Issue 12, bug 5: Today's reschedule refuses a past date on its form and keeps what was typed. */
    @Test
    void reschedulingIntoThePastIsRefusedOnTheForm() {
        TestTeam team = TestTeam.create();
        String id = contact(team, Map.of("fullName", "Lucy Parsons"));
        String due = LocalDate.now(ZoneOffset.UTC).plusDays(2).toString();
        String followUp = team.api().body(Map.of("contactId", id, "dueOn", due, "purpose", "Ask about the meeting"))
                .post("/api/v1/followups").then().statusCode(201).extract().path("id");
        logIn(team);
        // done, drop and reschedule are folded under the item's "More"; a refusal shows them again open
        page.locator("#upcoming-list summary").click();
        page.getByLabel("New date").fill("2019-05-05");
        page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Reschedule")).click();
        assertThat(page.locator("#upcoming-list")).containsText("That date has passed. Choose today or a later date.");
        assertThat(page.getByLabel("New date")).hasValue("2019-05-05");
        assertThat(page.getByLabel("New date")).hasAttribute("aria-invalid", "true");
        team.api().get("/api/v1/followups/" + followUp).then().body("dueOn", org.hamcrest.Matchers.is(due));

        String later = LocalDate.now(ZoneOffset.UTC).plusDays(9).toString();
        assertThat(page.locator("#upcoming-list details")).hasAttribute("open", "");
        page.getByLabel("New date").fill(later);
        page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Reschedule")).click();
        page.waitForURL(u -> u.endsWith("/"));
        assertThat(page.locator("#upcoming-list")).not().containsText("That date has passed");
        team.api().get("/api/v1/followups/" + followUp).then().body("dueOn", org.hamcrest.Matchers.is(later));
    }

    @Test
    void addAContact() {
        TestTeam team = TestTeam.create();
        logIn(team);
        page.navigate(url("/contacts"));
        page.getByText("Add contact").first().click();
        page.getByLabel("Full name").fill("Rosa Parks");
        page.getByLabel("Engagement level").selectOption("less-involved");
        page.getByLabel("Position").selectOption("officer");
        page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Add contact")).click();
        assertThat(page.locator("h1")).hasText("Rosa Parks");
        assertThat(page.locator(".badge").first()).hasText("Less involved");
        page.navigate(url("/contacts?q=rosa"));
        assertThat(page.locator("#results")).containsText("Rosa Parks");
    }

    @Test
    void logAConversationWithANextStepAndSeeItInToday() {
        TestTeam team = TestTeam.create();
        String id = contact(team, Map.of("fullName", "Ella Baker"));
        logIn(team);
        page.navigate(url("/contacts/" + id));
        page.getByText("Log conversation").first().click();
        page.getByLabel("Summary").fill("Talked about the rent increase");
        page.getByLabel("Duration (minutes)").fill("25");
        page.getByLabel("Channel").selectOption("house-visit");
        page.getByLabel("Due date").fill(LocalDate.now(ZoneOffset.UTC).toString());
        page.getByLabel("Purpose").fill("Bring her to the building meeting");
        page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Log conversation")).click();
        assertThat(page.locator("#timeline-list")).containsText("Talked about the rent increase");
        page.navigate(url("/"));
        assertThat(page.locator("#today-list")).containsText("Ella Baker");
        assertThat(page.locator("#today-list")).containsText("Bring her to the building meeting");
    }

    /** A form refused by the server comes back with the focus on its first message's field, not at the page's top. */
    @Test
    void aRefusedFormPutsTheFocusOnTheFieldItRefused() {
        TestTeam team = TestTeam.create();
        String id = contact(team, Map.of("fullName", "Fannie Lou Hamer"));
        logIn(team);
        page.navigate(url("/conversations/new?contact=" + id));
        page.getByLabel("Summary").fill("Voter registration drive");
        page.getByLabel("Duration (minutes)", new com.microsoft.playwright.Page.GetByLabelOptions().setExact(false)).fill("25");
        page.getByLabel("Due date").fill(LocalDate.now(ZoneOffset.UTC).plusDays(2).toString());
        page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Log conversation")).click();
        // a next step's date without its purpose: refused by the server, said beside the purpose, which has the focus
        assertThat(page.locator("#f-nextStepPurpose-error")).isVisible();
        assertThat(page.locator("#f-nextStepPurpose")).isFocused();
        assertThat(page.getByLabel("Summary")).hasValue("Voter registration drive");
    }

    @Test
    void changeALevelWithAReasonAndSeeItInTheTimeline() {
        TestTeam team = TestTeam.create();
        String id = contact(team, Map.of("fullName", "Fannie Lou Hamer"));
        logIn(team);
        page.navigate(url("/contacts/" + id));
        page.getByLabel("New level").selectOption("cadre");
        page.getByLabel("Reason").fill("Chaired the strike committee");
        page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Change level")).click();
        assertThat(page.locator("#timeline-list")).containsText("Level changed from new to cadre");
        assertThat(page.locator("#timeline-list")).containsText("Chaired the strike committee");
        assertThat(page.locator("h1 + p .badge")).hasText("Cadre");
    }

    @Test
    void aContactNamedWithAScriptTagShowsAsText() {
        TestTeam team = TestTeam.create();
        String name = "<script>alert(1)</script>";
        String id = contact(team, Map.of("fullName", name));
        logIn(team);
        AtomicBoolean dialog = new AtomicBoolean();
        page.onDialog(d -> {
            dialog.set(true);
            d.dismiss();
        });
        page.navigate(url("/contacts/" + id));
        assertThat(page.locator("h1")).hasText(name);
        page.navigate(url("/contacts"));
        assertThat(page.locator("#results")).containsText(name);
        assertFalse(dialog.get(), "no script ran");
    }

    @Test
    void checkInAFirstTimerAtAnActionAndSeeThemInTheHeatList() {
        TestTeam team = TestTeam.create();
        contact(team, Map.of("fullName", "Veteran Vera"));
        logIn(team);
        page.navigate(url("/actions"));
        page.getByLabel("Title").fill("Picket at the depot");
        page.getByLabel("Kind").selectOption("picket");
        page.getByLabel("Starts at").fill("2026-05-01T07:00");
        page.getByLabel("Duration (minutes)").fill("90");
        page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Create action")).click();
        assertThat(page.locator("h1")).hasText("Check in: Picket at the depot");
        assertTrue(fitsWidth(), "the check-in page fits a phone's width");

        // someone new at the door: name and phone, first time
        page.getByLabel("Full name (required)", new com.microsoft.playwright.Page.GetByLabelOptions().setExact(true)).fill("Newcomer Nadia");
        page.getByLabel("Phone", new com.microsoft.playwright.Page.GetByLabelOptions().setExact(true)).fill("+1 555 0100");
        page.locator("#new-first-time").check();
        page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Check in new person")).click();
        assertThat(page.locator("#attendance-list")).containsText("Newcomer Nadia");

        // someone already known: search, add
        page.getByLabel("Name, phone or email").fill("vera");
        page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Search")).click();
        // no attendance on record: "first time" starts ticked; the organizer knows better and unticks it
        assertThat(page.locator("#found input[type=checkbox]").first()).isChecked();
        page.locator("#found input[type=checkbox]").first().uncheck();
        page.locator("#found").getByRole(AriaRole.BUTTON).first().click();
        assertThat(page.locator("#attendance-list")).containsText("Veteran Vera");

        page.navigate(url("/"));
        assertThat(page.locator("#heat-list")).containsText("Newcomer Nadia");
        assertThat(page.locator("#heat-list")).not().containsText("Veteran Vera");
    }

    @Test
    void mainPagesHaveNoSeriousAccessibilityViolations() {
        TestTeam team = TestTeam.create();
        String id = contact(team, Map.of("fullName", "Septima Clark"));
        String work = team.api().body(Map.of("name", "Depot drive", "focus", "bring-in-new"))
                .post("/api/v1/works").then().statusCode(201).extract().path("id");
        String action = team.api().body(Map.of("title", "Depot picket", "startsAt", "2026-05-01T07:00:00Z",
                        "durationMinutes", 60, "workId", work))
                .post("/api/v1/actions").then().statusCode(201).extract().path("id");
        team.api().body(java.util.List.of(Map.of("contactId", id, "firstTime", true)))
                .put("/api/v1/actions/" + action + "/attendance").then().statusCode(200);
        team.api().body(Map.of("contactId", id, "durationMinutes", 20, "summary", "Met at the picket"))
                .post("/api/v1/conversations").then().statusCode(201);
        assertAccessible("/login");
        logIn(team);
        for (String path : new String[]{"/", "/contacts", "/contacts/new", "/contacts/" + id, "/contacts/" + id + "/edit",
                "/conversations/new?contact=" + id, "/actions", "/actions/" + action, "/actions/" + action + "?q=sept",
                "/works", "/works/" + work, "/organizers", "/settings", "/audit"}) {
            assertAccessible(path);
            assertTrue(fitsWidth(), path + " fits a phone's width");
        }
    }

    @Test
    void importAFileCheckingItFirst() {
        TestTeam team = TestTeam.create();
        logIn(team);
        page.navigate(url("/contacts"));
        page.getByText("Import from a file").click();
        assertAccessible("/contacts/import");
        assertTrue(fitsWidth(), "the import page fits a phone's width");
        page.getByLabel("CSV file").setInputFiles(new com.microsoft.playwright.options.FilePayload(
                "members.csv", "text/csv", ("Person,Email,Building,Shoe size\n"
                + "Ella Baker,ella@example.org,Maple Court,40\n"
                + "Bayard Rustin,bayard@example.org,Maple Court,43\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Check the file")).click();
        assertThat(page.locator("h1")).hasText("Check the import");
        assertThat(page.locator("#check-summary")).containsText("2 new contacts");
        assertTrue(fitsWidth(), "the check fits a phone's width");
        String check = page.url().substring(page.url().indexOf("/contacts/import/"));
        assertAccessible(check);

        // "Person" is not a header Groundwork knows: say it holds the full name, check again
        page.getByLabel("Imported as, column Person").selectOption("fullName");
        page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Check again")).click();
        assertThat(page.getByLabel("Imported as, column Person")).hasValue("fullName");
        assertThat(page.locator("#check-summary")).containsText("2 new contacts");
        page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Import 2 contacts")).click();
        assertThat(page.locator("h1")).hasText("Import done");
        assertThat(page.locator("#import-summary")).containsText("2 new contacts");
        page.getByText("See your contacts").click();
        assertThat(page.locator("#results")).containsText("Ella Baker");
        assertThat(page.locator("#results")).containsText("Maple Court");
    }
}
