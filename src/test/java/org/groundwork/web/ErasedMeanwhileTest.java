package org.groundwork.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.groundwork.contact.ContactService;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.*;

/**
 * The walk: a form about a person open while someone else erased them, then sent. The generic "no
 * contact with that id" page lost what was typed and did not say why. Each door now says the erasure
 * (410), the page shows what was written in the form (kept nowhere), and nothing is written about the
 * erased person. On the API a path naming the team's tombstone is a 410; an id in a body is the 400 on
 * its field it was; another team's id stays a 404.
 */
@QuarkusTest
class ErasedMeanwhileTest {

    @Test
    void aConversationLoggedForSomeoneErasedMeanwhileSaysSoAndShowsWhatWasTyped() {
        TestTeam team = TestTeam.create();
        String contact = PagesBrowserTest.contact(team, Map.of("fullName", "Erased While Typing"));
        Session s = Session.logIn(team);
        s.open("/conversations/new?contact=" + contact);
        team.api().delete("/api/v1/contacts/" + contact).then().statusCode(204);

        Response sent = s.form().formParam("contactId", contact).formParam(Form.KEY, s.key)
                .formParam("durationMinutes", "25").formParam("channel", "phone")
                .formParam("summary", "Long talk about the boiler and the landlord's threats")
                .formParam("commitments", "Will bring two neighbours").post("/conversations");
        sent.then().statusCode(410).contentType(containsString("text/html"))
                .body(containsString("This person was erased"))
                .body(containsString("nothing was saved"))
                .body(containsString("Long talk about the boiler and the landlord&#39;s threats"))
                .body(containsString("Will bring two neighbours"))
                .body(not(containsString(contact))); // the ids a page drew are not "what you wrote"
        team.api().get("/api/v1/conversations").then().body("items", hasSize(0));
    }

    @Test
    void aContactEditAndALevelChangeForSomeoneErasedMeanwhileSaySo() {
        TestTeam team = TestTeam.create();
        String contact = PagesBrowserTest.contact(team, Map.of("fullName", "Edited While Erased"));
        Session s = Session.logIn(team);
        String form = s.open("/contacts/" + contact + "/edit");
        java.util.regex.Matcher drawn = java.util.regex.Pattern.compile("name=\"" + Form.DRAWN + "\" value=\"([^\"]*)\"")
                .matcher(form);
        org.junit.jupiter.api.Assertions.assertTrue(drawn.find(), "the edit form says what it was drawn with");
        team.api().delete("/api/v1/contacts/" + contact).then().statusCode(204);

        // the name sent back as drawn is the erased person's stored data, not typing: not shown (the review)
        s.form().formParam("version", "0").formParam(Form.DRAWN, drawn.group(1)).formParam("fullName", "Edited While Erased")
                .formParam("notes", "Works nights at the depot").post("/contacts/" + contact + "/edit")
                .then().statusCode(410).body(containsString("This person was erased"))
                .body(containsString("Works nights at the depot")).body(not(containsString("Edited While Erased")));
        s.form().formParam("level", "cadre").formParam("reason", "Chairs the committee now")
                .post("/contacts/" + contact + "/level")
                .then().statusCode(410).body(containsString("This person was erased"))
                .body(containsString("Chairs the committee now"));
        // the tombstone keeps no name and no new level
        team.api().get("/api/v1/contacts/" + contact).then().statusCode(410)
                .contentType(containsString("application/problem+json"))
                .body("detail", containsString("This contact was erased"));
    }

    /**
     * The review: the wall chart's move swaps only the board (htmx); the erased page, which has no board,
     * emptied it without a word. It takes the page's main part instead.
     */
    @Test
    void aChartMoveOfSomeoneErasedMeanwhileShowsTheErasedPageInThePagesMainPart() {
        TestTeam team = TestTeam.create();
        String org = organization(team, "Depot");
        String contact = PagesBrowserTest.contact(team, Map.of("fullName", "Moved While Erased", "organizationId", org));
        Session s = Session.logIn(team);
        s.open("/organizations/" + org + "/move?contactId=" + contact);
        team.api().delete("/api/v1/contacts/" + contact).then().statusCode(204);
        s.form().header("HX-Request", "true").formParam("contactId", contact).formParam("unitId", "")
                .formParam("level", "cadre").formParam("quiet", "21")
                .post("/organizations/" + org + "/move").then().statusCode(410)
                .header("HX-Retarget", "#main").body(containsString("This person was erased"))
                .body(not(containsString("id=\"typed\""))); // the chart's filters are not words written
    }

    /** The probe: someone picked from the door's search, then erased, was "no contact with that id". */
    @Test
    void checkingInSomeoneErasedMeanwhileSaysTheErasure() {
        TestTeam team = TestTeam.create();
        String action = team.api().body(Map.of("title", "Picket", "startsAt", "2026-05-01T16:00:00Z", "durationMinutes", 60))
                .post("/api/v1/actions").then().statusCode(201).extract().path("id");
        String contact = PagesBrowserTest.contact(team, Map.of("fullName", "Found At The Door"));
        Session s = Session.logIn(team);
        s.open("/actions/" + action);
        team.api().delete("/api/v1/contacts/" + contact).then().statusCode(204);
        s.form().formParam("contactId", contact).formParam("firstTime", "true").post("/actions/" + action + "/attendance")
                .then().statusCode(400).body(containsString("This person was erased; they can no longer be checked in"));
        team.api().body(java.util.List.of(Map.of("contactId", contact))).put("/api/v1/actions/" + action + "/attendance")
                .then().statusCode(400).body("errors[0].field", is("[0].contactId"))
                .body("errors[0].message", is("this person was erased; they can no longer be checked in"));
        // the errors stay in the list's order, the ids looked up after the loop among them (the review)
        team.api().body("[{\"contactId\":\"" + java.util.UUID.randomUUID() + "\"},null,{\"contactId\":\"" + contact + "\"}]")
                .put("/api/v1/actions/" + action + "/attendance").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.contains("[0].contactId", "[1]", "[2].contactId"));
        team.api().get("/api/v1/actions/" + action).then().body("attendance", hasSize(0));
    }

    /**
     * Walk 3: a conversation or follow-up naming someone erased since the client read them was "no contact with
     * that id in your team", as an id never seen; another team's person stays that.
     */
    @Test
    void aConversationOrFollowUpNamingSomeoneErasedSaysTheErasure() {
        TestTeam team = TestTeam.create();
        String contact = PagesBrowserTest.contact(team, Map.of("fullName", "Erased Before The Talk Was Logged"));
        team.api().delete("/api/v1/contacts/" + contact).then().statusCode(204);
        String theirs = PagesBrowserTest.contact(TestTeam.create(), Map.of("fullName", "Another Team's Person"));
        for (String[] named : new String[][]{{contact, ContactService.NAMED_ERASED}, {theirs, "no contact with that id in your team"}}) {
            team.api().body(Map.of("contactId", named[0], "occurredAt", "2026-05-01T16:00:00Z", "channel", "phone",
                            "durationMinutes", 10, "summary", "a word about them"))
                    .post("/api/v1/conversations").then().statusCode(400)
                    .body("errors[0].field", is("contactId")).body("errors[0].message", is(named[1]));
            team.api().body(Map.of("contactId", named[0], "purpose", "call back", "dueOn", "2026-05-02"))
                    .post("/api/v1/followups").then().statusCode(400)
                    .body("errors[0].field", is("contactId")).body("errors[0].message", is(named[1]));
        }
        team.api().get("/api/v1/conversations").then().statusCode(200).body("items", hasSize(0));
        team.api().get("/api/v1/followups").then().statusCode(200).body("items", hasSize(0));
    }

    /** The walk: a tie to someone picked from the search, erased since, said "no contact with that id". */
    @Test
    void aTieToSomeoneErasedMeanwhileSaysTheErasureWithTheNoteKept() {
        TestTeam team = TestTeam.create();
        String contact = PagesBrowserTest.contact(team, Map.of("fullName", "Keeps Her Ties"));
        String other = PagesBrowserTest.contact(team, Map.of("fullName", "Erased Cousin"));
        Session s = Session.logIn(team);
        s.open("/contacts/" + contact);
        team.api().delete("/api/v1/contacts/" + other).then().statusCode(204);
        s.form().formParam("otherContactId", other).formParam("tieKind", "family").formParam("note", "cousins, same shift")
                .post("/contacts/" + contact + "/ties").then().statusCode(400)
                .body(containsString("This person was erased; a tie cannot name them"))
                .body(containsString("cousins, same shift"));
        team.api().body(Map.of("otherContactId", other, "kind", "family")).post("/api/v1/contacts/" + contact + "/ties")
                .then().statusCode(400).body("errors[0].field", is("otherContactId"))
                .body("errors[0].message", is("this person was erased; a tie cannot name them"));
    }

    /** The walk: Move on a card of someone erased since the chart was drawn said the unit was wrong. */
    @Test
    void aCardsMoveOfSomeoneErasedMeanwhileSaysTheErasureOnTheBoard() {
        TestTeam team = TestTeam.create();
        String org = organization(team, "Yard");
        String contact = PagesBrowserTest.contact(team, Map.of("fullName", "Card Of The Erased", "organizationId", org));
        Session s = Session.logIn(team);
        s.open("/organizations/" + org + "/chart");
        team.api().delete("/api/v1/contacts/" + contact).then().statusCode(204);
        s.request().header("HX-Request", "true").get("/organizations/" + org + "/move?contactId=" + contact)
                .then().body(containsString("This contact was erased")).body(not(containsString("not one of this organization")));
    }

    @Test
    void theApiSaysTheErasureToItsOwnTeamOnlyAndKeepsUnknownIdsAsTheyWere() {
        TestTeam team = TestTeam.create();
        TestTeam other = TestTeam.create();
        String contact = PagesBrowserTest.contact(team, Map.of("fullName", "Gone For Good"));
        team.api().delete("/api/v1/contacts/" + contact).then().statusCode(204);

        // named in a path, the contact is said erased; named in a body, the field is refused as before
        team.api().get("/api/v1/contacts/" + contact).then().statusCode(410).body("status", is(410));
        team.api().body(Map.of("contactId", contact, "durationMinutes", 5, "channel", "phone"))
                .post("/api/v1/conversations").then().statusCode(400).body("errors[0].field", is("contactId"));
        team.api().body(Map.of("contactId", contact, "dueOn", "2030-01-01"))
                .post("/api/v1/followups").then().statusCode(400).body("errors[0].field", is("contactId"));
        team.api().body(Map.of("level", "cadre")).post("/api/v1/contacts/" + contact + "/level")
                .then().statusCode(410);
        team.api().delete("/api/v1/contacts/" + contact).then().statusCode(410);
        // another team learns nothing: the id is no contact of theirs
        other.api().get("/api/v1/contacts/" + contact).then().statusCode(404);
        other.api().body(Map.of("contactId", contact, "durationMinutes", 5, "channel", "phone"))
                .post("/api/v1/conversations").then().statusCode(400).body("errors[0].field", is("contactId"));
        team.api().get("/api/v1/conversations").then().body("items", hasSize(0));
    }

    private static String organization(TestTeam team, String name) {
        return team.api().body(Map.of("name", name)).post("/api/v1/organizations").then().statusCode(201).extract().path("id");
    }
}
