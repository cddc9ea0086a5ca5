package org.groundwork.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A time typed on a page is on the team's clocks; the years it may fall in (platform/Dates) are those of
 * its instant, as the API and a restore read it. In Auckland (UTC+11:30 in 1900) 1900-01-01 10:00 is
 * 1899-12-31 22:30 UTC, and in New York 2200-12-31 20:00 is 2201 in UTC: the pages stored them, the API
 * refused them, and the team's archive no longer restored. (Pacific/Kiritimati, UTC+14 today, was
 * UTC-10:29 in 1900 by the time-zone database, so neither of its edges leaves the years.)
 */
@QuarkusTest
class PageTimesInTheTeamsZoneTest {

    @Test
    void aTimeThePagesTakeIsOneTheApiTakes() {
        TestTeam team = TestTeam.create("Pacific/Auckland");
        String contact = PagesBrowserTest.contact(team, Map.of("fullName", "Lucy Parsons"));

        // the API: the instant is in 1899
        team.api().body(Map.of("contactId", contact, "occurredAt", "1899-12-31T22:30:00Z", "durationMinutes", 20,
                "channel", "phone")).post("/api/v1/conversations").then().statusCode(400)
                .body("errors[0].field", is("occurredAt"));

        // the conversation form: the same instant, typed on the team's clocks, is refused beside the field
        Session s = Session.logIn(team);
        s.open("/conversations/new?contact=" + contact);
        Response page = s.form().formParam(Form.KEY, s.key).formParam("contactId", contact)
                .formParam("occurredAt", "1900-01-01T10:00").formParam("durationMinutes", "20")
                .formParam("channel", "phone").formParam("summary", "kept").post("/conversations");
        PageFormsTest.assertFieldError(page, "occurredAt", "1900");
        page.then().body(org.hamcrest.Matchers.containsString(">\nkept</textarea>"));
        team.api().get("/api/v1/conversations").then().statusCode(200).body("items", hasSize(0));
        // a day later is 1900 in UTC too, and is stored
        s.open("/conversations/new?contact=" + contact);
        s.form().formParam(Form.KEY, s.key).formParam("contactId", contact)
                .formParam("occurredAt", "1900-01-02T10:00").formParam("durationMinutes", "20")
                .formParam("channel", "phone").post("/conversations").then().statusCode(303);
        team.api().get("/api/v1/conversations").then().statusCode(200)
                .body("items[0].occurredAt", is("1900-01-01T22:30:00Z"));

        // an action's time the same way, at the other end of the years
        TestTeam westward = TestTeam.create("America/New_York");
        westward.api().body(Map.of("title", "Far picket", "kind", "picket", "startsAt", "2201-01-01T01:00:00Z",
                "durationMinutes", 60)).post("/api/v1/actions").then().statusCode(400)
                .body("errors[0].field", is("startsAt"));
        Session w = Session.logIn(westward);
        w.open("/actions");
        page = w.form().formParam(Form.KEY, w.key).formParam("title", "Far picket").formParam("kind", "picket")
                .formParam("startsAt", "2200-12-31T20:00").formParam("durationMinutes", "60").post("/actions");
        PageFormsTest.assertFieldError(page, "startsAt", "2200");
        westward.api().get("/api/v1/actions").then().statusCode(200).body("items", hasSize(0));

        // on UTC+14 both ends stay in the years: the first minute they allow is stored, and the last an action may
        // start at, ten years from today (since the sixty-third session: a later year is a slip, as a follow-up's)
        TestTeam kiritimati = TestTeam.create("Pacific/Kiritimati");
        Session k = Session.logIn(kiritimati);
        for (String at : new String[]{"1900-01-01T00:00", java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusYears(10) + "T23:59"}) {
            k.open("/actions");
            k.form().formParam(Form.KEY, k.key).formParam("title", "Picket " + at).formParam("kind", "picket")
                    .formParam("startsAt", at).formParam("durationMinutes", "60").post("/actions").then().statusCode(303);
        }
        kiritimati.api().get("/api/v1/actions").then().statusCode(200).body("items", hasSize(2));
    }

    /**
     * A time the team's clocks skipped (Berlin, 2026-03-29, 02:00 became 03:00) is said beside the
     * field, not logged an hour later than typed without a word; the hour after is taken as typed.
     */
    @Test
    void aTimeTheClocksSkippedIsSaidNotMovedAnHourOn() {
        TestTeam team = TestTeam.create("Europe/Berlin");
        String id = PageFormsTest.contact(team, "Lucy Parsons");
        Response page = PageFormsTest.conversationAbout(team, id).formParam("durationMinutes", "10").formParam("summary", "Talked rent")
                .formParam("channel", "phone").formParam("occurredAt", "2026-03-29T02:30").post("/conversations");
        PageFormsTest.assertFieldError(page, "occurredAt", "The clocks went forward from 02:00 to 03:00 that night");
        assertTrue(page.asString().contains("2026-03-29T02:30"), "the time typed stays in its field");
        assertTrue(page.asString().contains("Talked rent"), "what was typed stays in the form");
        team.api().get("/api/v1/conversations").then().body("items", hasSize(0));
        PageFormsTest.conversationAbout(team, id).formParam("durationMinutes", "10").formParam("channel", "phone")
                .formParam("occurredAt", "2026-03-29T03:30").post("/conversations").then().statusCode(303);
        team.api().get("/api/v1/conversations").then().body("items", hasSize(1))
                .body("items[0].occurredAt", is("2026-03-29T01:30:00Z"));
        Response action = Session.onPage(team, "/actions").form().formParam("title", "Spring picket").formParam("kind", "picket")
                .formParam("startsAt", "2026-03-29T02:00").formParam("durationMinutes", "60").post("/actions");
        PageFormsTest.assertFieldError(action, "startsAt", "The clocks went forward from 02:00 to 03:00");
        team.api().get("/api/v1/actions").then().body("items", hasSize(0));
        // a whole day skipped (Samoa crossed the date line: 2011-12-30 never happened there) names its dates
        TestTeam apia = TestTeam.create("Pacific/Apia");
        String person = PageFormsTest.contact(apia, "Lucy Parsons");
        Response skipped = PageFormsTest.conversationAbout(apia, person).formParam("durationMinutes", "10")
                .formParam("channel", "phone").formParam("occurredAt", "2011-12-30T10:00").post("/conversations");
        PageFormsTest.assertFieldError(skipped, "occurredAt", "from 2011-12-30T00:00 to 2011-12-31T00:00");
    }
}
