package org.groundwork.web;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.junit.QuarkusTest;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 12, friction 3 and 4: the log form's date and time, and "first time" defaulted from history. */
@QuarkusTest
class DailyFormsBrowserTest extends BrowserTest {

    @Test
    void yesterdaysDoorKnockingIsLoggedWithItsRealTime() {
        ZoneId zone = ZoneId.of("America/Los_Angeles");
        TestTeam team = TestTeam.create(zone.getId());
        String id = PagesBrowserTest.contact(team, Map.of("fullName", "Dolores Huerta"));
        logIn(team);
        page.navigate(url("/conversations/new?contact=" + id));
        // the box starts at now on the team's clocks
        LocalDateTime shown = LocalDateTime.parse(page.getByLabel("When").inputValue());
        long off = Math.abs(ChronoUnit.MINUTES.between(shown, LocalDateTime.now(zone)));
        assertTrue(off <= 2, "now in the team's zone, shown " + shown);

        LocalDateTime yesterday = LocalDateTime.now(zone).minusDays(1).withHour(18).withMinute(30).withSecond(0).withNano(0);
        page.getByLabel("When").fill(yesterday.toString());
        page.getByLabel("Summary").fill("Door-knocking on Elm Street");
        page.getByLabel("Duration (minutes)").fill("25");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log conversation")).click();
        page.waitForURL(u -> u.contains("/contacts/" + id));
        String at = team.api().get("/api/v1/conversations").then().statusCode(200).extract().path("items[0].occurredAt");
        assertEquals(yesterday.atZone(zone).toInstant(), Instant.parse(at));
    }

    @Test
    void aBadWhenComesBackOnTheForm() {
        TestTeam team = TestTeam.create();
        String id = PagesBrowserTest.contact(team, Map.of("fullName", "Cesar Chavez"));
        Session s = Session.logIn(team);
        s.open("/conversations/new?contact=" + id);
        io.restassured.response.Response page = s.form().formParam("contactId", id).formParam("occurredAt", "yesterday")
                .formParam("durationMinutes", "20").formParam("channel", "phone").formParam("summary", "kept")
                .post("/conversations");
        PageFormsTest.assertFieldError(page, "occurredAt", "Enter a date and time like");
        assertTrue(page.asString().contains(">kept</textarea>"), "the summary typed is kept");
        page = s.form().formParam("contactId", id).formParam("occurredAt", "2199-01-01T10:00")
                .formParam("durationMinutes", "20").formParam("channel", "phone").post("/conversations");
        PageFormsTest.assertFieldError(page, "occurredAt", "Use a time that has passed");
    }

    @Test
    void firstTimeStartsTickedOnlyForPeopleWithNoEarlierAction() {
        TestTeam team = TestTeam.create();
        String veteran = PagesBrowserTest.contact(team, Map.of("fullName", "Vera Veteran"));
        PagesBrowserTest.contact(team, Map.of("fullName", "Vera Newcomer"));
        String earlier = team.api().body(Map.of("title", "Spring march", "kind", "march",
                        "startsAt", "2026-03-01T15:00:00Z", "durationMinutes", 60))
                .post("/api/v1/actions").then().statusCode(201).extract().path("id");
        team.api().body(List.of(Map.of("contactId", veteran))).put("/api/v1/actions/" + earlier + "/attendance")
                .then().statusCode(200);
        String action = team.api().body(Map.of("title", "Autumn picket", "kind", "picket",
                        "startsAt", Instant.now().minus(1, ChronoUnit.HOURS).toString(), "durationMinutes", 60))
                .post("/api/v1/actions").then().statusCode(201).extract().path("id");
        logIn(team);
        page.navigate(url("/actions/" + action + "?q=vera"));
        assertThat(page.locator("#found li", new Page.LocatorOptions().setHasText("Vera Veteran"))
                .locator("input[type=checkbox]")).not().isChecked();
        assertThat(page.locator("#found li", new Page.LocatorOptions().setHasText("Vera Newcomer"))
                .locator("input[type=checkbox]")).isChecked();
        // the organizer may still say otherwise: a long-time activist new to the database
        page.locator("#found li", new Page.LocatorOptions().setHasText("Vera Newcomer")).locator("input[type=checkbox]").uncheck();
        page.locator("#found li", new Page.LocatorOptions().setHasText("Vera Newcomer")).getByRole(AriaRole.BUTTON).click();
        page.locator("#found li", new Page.LocatorOptions().setHasText("Vera Veteran")).getByRole(AriaRole.BUTTON).click();
        List<Boolean> firstTimes = team.api().get("/api/v1/actions/" + action).then().statusCode(200)
                .extract().path("attendance.firstTime");
        assertEquals(List.of(false, false), firstTimes);
    }

    /** Issue 12, friction 6: the page asks for the reason of a level change; the API keeps it optional. */
    @Test
    void aLevelChangeOnThePageAsksForItsReason() {
        TestTeam team = TestTeam.create();
        String id = PagesBrowserTest.contact(team, Map.of("fullName", "Fannie Lou Hamer"));
        Session s = Session.logIn(team);
        s.open("/contacts/" + id);
        io.restassured.response.Response page = s.form().formParam("level", "cadre").formParam("reason", "  ")
                .post("/contacts/" + id + "/level");
        PageFormsTest.assertFieldError(page, "reason", "Say why their level changes");
        team.api().get("/api/v1/contacts/" + id).then().body("engagementLevel", org.hamcrest.Matchers.is("new"));
        s.form().formParam("level", "cadre").formParam("reason", "Chairs the block committee")
                .post("/contacts/" + id + "/level").then().statusCode(303);
        team.api().body(Map.of("level", "less-involved")).post("/api/v1/contacts/" + id + "/level")
                .then().statusCode(201);
    }
}
