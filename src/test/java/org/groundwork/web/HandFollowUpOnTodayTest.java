package org.groundwork.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A follow-up can be handed to another organizer from Today, as the API's {@code assigneeId} could (the forty-sixth
 * session's walk: an organizer going on leave had no way on the pages to pass on the calls they owed). Offered: the
 * team's other active organizers; said after: "Handed to Bea: Ana"; refused as every step is, nothing changed.
 */
@QuarkusTest
class HandFollowUpOnTodayTest {

    @Test
    void aFollowUpIsHandedToAnotherActiveOrganizerAndLeavesTheQueue() {
        TestTeam team = TestTeam.create();
        TestTeam.Member bea = team.member("organizer");
        String beaName = team.api().get("/api/v1/organizers/" + bea.id()).then().extract().path("displayName");
        String gone = AssignToActiveOrganizerTest.deactivated(team);
        String contact = PageFormsTest.contact(team, "Dolores Huerta");
        String followUp = PageFormsTest.followUp(team, contact, "2020-01-01", "Ask about the picket");
        String ella = PageFormsTest.contact(team, "Ella Baker");
        String other = PageFormsTest.followUp(team, ella, "2020-01-02", "Call");

        Session s = Session.logIn(team);
        String page = s.open("/");
        assertTrue(page.contains("id=\"hand-" + followUp + "\""), "the item offers a hand-over");
        assertTrue(page.contains("<option value=\"" + bea.id() + "\">"), "to the other active organizer");
        assertFalse(page.contains("<option value=\"" + gone + "\""), "not to a deactivated one");
        assertFalse(page.contains("<option value=\"" + team.adminId + "\""), "not to oneself");
        assertTrue(page.contains("name=\"assigneeId\"><option value=\"\">Choose an organizer</option>"),
                "no one chosen until the organizer chooses");

        // refused, nothing changed: none chosen, a deactivated organizer, another team's
        s.form().formParam("next", other).post("/followups/" + followUp + "/hand")
                .then().statusCode(400).body(containsString("Choose the organizer to hand it to"));
        // said beside the item's select, its fold open and the focus on the select (the walk: above the queue, the
        // fold closed, the focus at the page's top)
        String refused = s.form().formParam("next", other).formParam("assigneeId", gone).post("/followups/" + followUp + "/hand")
                .then().statusCode(400).extract().asString();
        assertTrue(refused.contains("<p class=\"error\" id=\"hand-" + followUp + "-error\">This organizer&#39;s account is deactivated; choose an active organizer</p>"), refused);
        assertTrue(refused.contains("id=\"hand-" + followUp + "\" name=\"assigneeId\" aria-invalid=\"true\" aria-describedby=\"hand-" + followUp + "-error\" autofocus"), refused);
        assertFalse(refused.contains("role=\"alert\">This organizer"), "not above the queue");
        // oneself, which the select does not offer
        s.form().formParam("next", other).formParam("assigneeId", team.adminId).post("/followups/" + followUp + "/hand")
                .then().statusCode(400).body(containsString("It is in your queue already; choose someone else to hand it to"));
        String stranger = TestTeam.create().adminId;
        s.form().formParam("next", other).formParam("assigneeId", stranger).post("/followups/" + followUp + "/hand")
                .then().statusCode(400).body(not(containsString("Handed to")));
        team.api().get("/api/v1/followups/" + followUp).then().body("assigneeId", equalTo(team.adminId));

        Response handed = s.form().formParam("next", other).formParam("assigneeId", bea.id())
                .post("/followups/" + followUp + "/hand");
        handed.then().statusCode(303);
        String location = handed.header("Location");
        assertTrue(location.contains("/?did=handed&item=" + followUp + "&next=" + other), location);
        String after = s.request().get(location).then().statusCode(200).extract().asString();
        assertTrue(after.contains("Handed to " + beaName + ": Dolores Huerta"), "said on the page");
        assertFalse(after.contains("id=\"item-" + followUp + "\""), "gone from this queue");
        assertTrue(after.contains("<a href=\"/contacts/" + ella + "\" autofocus>"), "the focus on the next one");
        team.api().get("/api/v1/followups/" + followUp).then().body("assigneeId", equalTo(bea.id()))
                .body("status", equalTo("open"));
        // in Bea's queue now
        assertTrue(bea.api().get("/api/v1/followups/queue").then().statusCode(200).extract().asString().contains(followUp));

        // a stale tab (the page drawn before the hand-over) closes, moves or hands nothing that is Bea's now (a walk:
        // Done closed her item); the same hand-over again (a double tap) finds it so and changes nothing
        for (String step : java.util.List.of("done", "drop", "reschedule")) {
            String stale = s.form().formParam("next", other).formParam("dueOn", java.time.LocalDate.now().plusDays(9).toString())
                    .post("/followups/" + followUp + "/" + step).then().statusCode(409).extract().asString();
            assertTrue(stale.contains("That follow-up was handed to another organizer since this page was drawn; nothing was changed"),
                    step + ": " + stale);
        }
        s.form().formParam("next", other).formParam("assigneeId", team.adminId).post("/followups/" + followUp + "/hand")
                .then().statusCode(400).body(containsString("It is in your queue already; choose someone else to hand it to"));
        s.form().formParam("next", other).formParam("assigneeId", bea.id()).post("/followups/" + followUp + "/hand")
                .then().statusCode(303);
        team.api().get("/api/v1/followups/" + followUp).then().body("assigneeId", equalTo(bea.id()))
                .body("status", equalTo("open")).body("dueOn", equalTo("2020-01-01"));
        // ... and a hand-over of it to someone else still, from the stale tab, moves nothing either
        String carl = team.member("organizer").id();
        s.form().formParam("next", other).formParam("assigneeId", carl).post("/followups/" + followUp + "/hand")
                .then().statusCode(409);
        team.api().get("/api/v1/followups/" + followUp).then().body("assigneeId", equalTo(bea.id()));

        // the address alone, once Bea handed it back, says nothing that is no longer so
        bea.api().body(java.util.Map.of("assigneeId", team.adminId)).patch("/api/v1/followups/" + followUp)
                .then().statusCode(200);
        assertFalse(s.request().get(location).then().statusCode(200).extract().asString().contains("Handed to"));

        // alone in the team: no hand-over form
        TestTeam alone = TestTeam.create();
        String own = PageFormsTest.followUp(alone, PageFormsTest.contact(alone, "Ana Alone"), "2020-01-01", "Call");
        assertEquals(-1, Session.logIn(alone).open("/").indexOf("id=\"hand-" + own + "\""));
    }
}
