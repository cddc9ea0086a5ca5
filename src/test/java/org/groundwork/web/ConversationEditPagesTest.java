package org.groundwork.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A conversation logged wrong (a typo in its date: 1990) is changed or deleted from the contact's
 * timeline, through the service the API's PATCH and DELETE use: the form shows what is stored,
 * keeps what was typed on a refusal, says so when someone changed it meanwhile, and deletes only
 * with the box ticked. Found missing by the browser walk: the mistake stayed in the reports.
 */
@QuarkusTest
class ConversationEditPagesTest {

    @Test
    void aConversationLoggedWrongIsChangedFromTheTimeline() {
        TestTeam team = TestTeam.create();
        String contact = PagesBrowserTest.contact(team, Map.of("fullName", "Lucy Parsons"));
        String id = team.api().body(Map.of("contactId", contact, "durationMinutes", 30, "channel", "phone",
                        "summary", "Talked about the rent strike", "occurredAt", "1990-01-01T10:00:00Z"))
                .post("/api/v1/conversations").then().statusCode(201).extract().path("id");
        Session s = Session.logIn(team);
        s.request().get("/contacts/" + contact).then().statusCode(200)
                .body(containsString("href=\"/conversations/" + id + "/edit\""));
        String form = s.open("/conversations/" + id + "/edit");
        assertTrue(form.contains("value=\"1990-01-01T10:00\"") && form.contains("Talked about the rent strike")
                && form.contains("name=\"version\" value=\"0\""), form);

        // a refusal keeps what was typed, with the message next to its field, and changes nothing
        Response bad = s.form().formParam("version", "0").formParam("occurredAt", "2026-11-20T18:30")
                .formParam("durationMinutes", "0").formParam("channel", "house-visit")
                .formParam("summary", "Talked about the rent strike and the heating").post("/conversations/" + id + "/edit");
        PageFormsTest.assertFieldError(bad, "durationMinutes", "Use 1 or more");
        bad.then().body(containsString("Talked about the rent strike and the heating"))
                .body(containsString("value=\"2026-11-20T18:30\""));
        team.api().get("/api/v1/conversations/" + id).then().body("durationMinutes", is(30))
                .body("occurredAt", is("1990-01-01T10:00:00Z"));

        s.form().formParam("version", "0").formParam("occurredAt", "2026-11-20T18:30").formParam("durationMinutes", "45")
                .formParam("channel", "house-visit").formParam("summary", "Talked about the rent strike and the heating")
                .post("/conversations/" + id + "/edit").then().statusCode(303)
                .header("Location", endsWith("/contacts/" + contact + "?saved=changed#timeline"));
        team.api().get("/api/v1/conversations/" + id).then().statusCode(200).header("ETag", is("\"1\""))
                .body("occurredAt", is("2026-11-20T18:30:00Z")).body("durationMinutes", is(45))
                .body("channel", is("house-visit")).body("summary", is("Talked about the rent strike and the heating"))
                .body("issues", nullValue());

        // the form read at version 0 again: someone saved it meanwhile, so it comes back with what is stored,
        // at the version stored now, and what was typed under each field that differs
        Response stale = s.form().formParam("version", "0").formParam("occurredAt", "2026-11-21T09:00")
                .formParam("durationMinutes", "5").formParam("channel", "phone").post("/conversations/" + id + "/edit");
        stale.then().statusCode(409).body(containsString("This was saved elsewhere while you were editing"))
                .body(containsString("value=\"45\"")).body(containsString("value=\"2026-11-20T18:30\""))
                .body(containsString("name=\"version\" value=\"1\""))
                .body(matchesPattern("(?s).*id=\"f-durationMinutes-typed\">[^<]*<strong>5</strong>.*"))
                .body(matchesPattern("(?s).*id=\"f-occurredAt-typed\">[^<]*<strong>2026-11-21T09:00</strong>.*"))
                .body(matchesPattern("(?s).*id=\"f-channel-typed\">[^<]*<strong>Phone</strong>.*"));
        team.api().get("/api/v1/conversations/" + id).then().body("durationMinutes", is(45));
        // an empty version is no version, as an empty If-Match is none (a walk: both let the save through)
        s.form().formParam("version", "").formParam("occurredAt", "2026-11-21T09:00")
                .formParam("durationMinutes", "5").formParam("channel", "phone").post("/conversations/" + id + "/edit")
                .then().statusCode(409).body(containsString("This was saved elsewhere while you were editing"))
                .body(containsString("name=\"version\" value=\"1\""));
        team.api().header("If-Match", "").body(Map.of("durationMinutes", 7)).patch("/api/v1/conversations/" + id)
                .then().statusCode(412)
                .body("detail", is("If-Match is empty, so it names no version; send the ETag you read, or no If-Match"));
        team.api().get("/api/v1/conversations/" + id).then().body("durationMinutes", is(45));
        // saved again, deliberately, at the version the form now carries
        s.form().formParam("version", "1").formParam("occurredAt", "2026-11-21T09:00").formParam("durationMinutes", "5")
                .formParam("channel", "phone").post("/conversations/" + id + "/edit").then().statusCode(303);
        team.api().get("/api/v1/conversations/" + id).then().body("durationMinutes", is(5)).body("channel", is("phone"));
    }

    /**
     * The walk: the form open, the contact erased meanwhile (which empties their conversations' words and
     * so changes the version), then saved: "someone else saved this" offered to save the words again,
     * which can never be. The erasure is said first.
     */
    @Test
    void aConversationEditedWhileItsContactIsErasedSaysTheErasure() {
        TestTeam team = TestTeam.create();
        String contact = PagesBrowserTest.contact(team, Map.of("fullName", "Erased Meanwhile"));
        String id = team.api().body(Map.of("contactId", contact, "durationMinutes", 30, "channel", "phone",
                        "summary", "Talked about the rent strike"))
                .post("/api/v1/conversations").then().statusCode(201).extract().path("id");
        Session s = Session.logIn(team);
        s.open("/conversations/" + id + "/edit");
        team.api().delete("/api/v1/contacts/" + contact).then().statusCode(204);
        Response late = s.form().formParam("version", "0").formParam("occurredAt", "2026-11-20T18:30")
                .formParam("durationMinutes", "30").formParam("channel", "phone")
                .formParam("summary", "Talked about the rent strike, and more").post("/conversations/" + id + "/edit");
        late.then().statusCode(409).body(containsString("This contact was erased"))
                .body(not(containsString("This was saved elsewhere")))
                // the probe: the boxes for words that can never be saved came back, and each send was the same 409
                .body(not(containsString("name=\"summary\""))).body(containsString("no words about them"))
                // what was typed is shown, kept nowhere (the review: it vanished)
                .body(containsString("Talked about the rent strike, and more"));
        team.api().get("/api/v1/conversations/" + id).then().body("summary", nullValue());
        String version = team.api().get("/api/v1/conversations/" + id).then().extract().header("ETag").replace("\"", "");
        s.form().formParam("version", version).formParam("occurredAt", "2026-11-20T18:30")
                .formParam("durationMinutes", "45").formParam("channel", "phone").post("/conversations/" + id + "/edit")
                .then().statusCode(303)
                // not to the person's page, which is Gone (the walk): the form again, saying so
                .header("Location", containsString("/conversations/" + id + "/edit?saved=changed"));
        s.request().get("/conversations/" + id + "/edit?saved=changed").then().statusCode(200)
                .body(containsString("id=\"saved\""))
                // the way back and Cancel lead to Today, not to the person's Gone page
                .body(not(containsString("href=\"/contacts/" + contact))).body(containsString("Back to Today"));
        team.api().get("/api/v1/conversations/" + id).then().body("durationMinutes", is(45)).body("summary", nullValue());
        String now = team.api().get("/api/v1/conversations/" + id).then().extract().header("ETag").replace("\"", "");
        s.form().formParam("version", now).formParam("confirm", "true").post("/conversations/" + id + "/delete")
                .then().statusCode(303).header("Location", matchesPattern("https?://[^/]+/"));
        team.api().get("/api/v1/conversations/" + id).then().statusCode(404);
    }

    /**
     * The walk of session 45: a conversation corrected in one tab and deleted in another was a bare 404 ("No
     * conversation with that id") that lost the correction. It says the deletion, and shows what was written.
     */
    @Test
    void aCorrectionToAConversationDeletedMeanwhileKeepsWhatWasWritten() {
        TestTeam team = TestTeam.create();
        String contact = PagesBrowserTest.contact(team, Map.of("fullName", "Deleted Meanwhile"));
        String id = team.api().body(Map.of("contactId", contact, "durationMinutes", 30, "channel", "phone",
                        "summary", "Talked about the lease"))
                .post("/api/v1/conversations").then().statusCode(201).extract().path("id");
        Session s = Session.logIn(team);
        s.open("/conversations/" + id + "/edit");
        team.api().delete("/api/v1/conversations/" + id).then().statusCode(204);
        s.form().formParam("version", "0").formParam("occurredAt", "2026-11-20T18:30").formParam("durationMinutes", "45")
                .formParam("channel", "phone").formParam("summary", "Corrected summary after the fact")
                .post("/conversations/" + id + "/edit")
                .then().statusCode(404).body(containsString("This was deleted meanwhile"))
                .body(containsString("Corrected summary after the fact"))
                // the stored words are no typing of this organizer's (the form's fields are ids and the summary)
                .body(not(containsString("No conversation with that id")));
        // with htmx, into the page's main part, as the erasure's page
        s.form().header("HX-Request", "true").formParam("version", "0").formParam("occurredAt", "2026-11-20T18:30")
                .formParam("durationMinutes", "45").formParam("channel", "phone").formParam("summary", "Again")
                .post("/conversations/" + id + "/edit").then().statusCode(404).header("HX-Retarget", is("#main"));
    }

    @Test
    void aConversationIsDeletedOnlyWithTheBoxTickedAndNotFromAnotherTeam() {
        TestTeam team = TestTeam.create();
        String contact = PagesBrowserTest.contact(team, Map.of("fullName", "Lucy Parsons"));
        String id = team.api().body(Map.of("contactId", contact, "durationMinutes", 30, "channel", "phone"))
                .post("/api/v1/conversations").then().statusCode(201).extract().path("id");

        // another team's organizer: the form and both posts are a 404, and nothing changes
        Session stranger = Session.onPage(TestTeam.create(), "/contacts/new");
        stranger.request().get("/conversations/" + id + "/edit").then().statusCode(404);
        stranger.form().formParam("version", "0").formParam("durationMinutes", "1").formParam("channel", "phone")
                .formParam("occurredAt", "2026-11-20T18:30").post("/conversations/" + id + "/edit").then().statusCode(404);
        stranger.form().formParam("version", "0").formParam("confirm", "true").post("/conversations/" + id + "/delete")
                .then().statusCode(404);

        Session s = Session.onPage(team, "/conversations/" + id + "/edit");
        PageFormsTest.assertFieldError(s.form().formParam("version", "0").post("/conversations/" + id + "/delete"),
                "confirm", "Tick the box to confirm");
        team.api().get("/api/v1/conversations/" + id).then().statusCode(200);
        // without the page's CSRF token: refused, still there
        s.request().contentType("application/x-www-form-urlencoded").formParam("version", "0").formParam("confirm", "true")
                .post("/conversations/" + id + "/delete").then().statusCode(403);
        team.api().get("/api/v1/conversations/" + id).then().statusCode(200);

        s.form().formParam("version", "0").formParam("confirm", "true").post("/conversations/" + id + "/delete")
                .then().statusCode(303).header("Location", endsWith("/contacts/" + contact + "?saved=conversation-deleted#timeline"));
        team.api().get("/api/v1/conversations/" + id).then().statusCode(404);
        s.request().get("/contacts/" + contact).then().statusCode(200)
                .body(not(containsString("/conversations/" + id + "/edit")));
        // a second tab's delete of it: said as deleted meanwhile, not a bare "No conversation with that id" (the walk)
        s.form().formParam("version", "0").formParam("confirm", "true").post("/conversations/" + id + "/delete")
                .then().statusCode(404).body(containsString("This was deleted meanwhile"))
                .body(not(containsString("No conversation with that id")));
    }

    @Test
    void aConversationsWorkMadeInactiveSinceStaysOnTheForm() {
        TestTeam team = TestTeam.create();
        String contact = PagesBrowserTest.contact(team, Map.of("fullName", "Lucy Parsons"));
        String work = team.api().body(Map.of("name", "Rent strike 2025", "focus", "bring-in-new", "mode", "building"))
                .post("/api/v1/works").then().statusCode(201).extract().path("id");
        String id = team.api().body(Map.of("contactId", contact, "durationMinutes", 30, "channel", "phone",
                "workId", work)).post("/api/v1/conversations").then().statusCode(201).extract().path("id");
        team.api().body(Map.of("active", false)).patch("/api/v1/works/" + work).then().statusCode(200);
        Session s = Session.logIn(team);
        // the select offers only active works; the conversation's own stays chosen, so a save keeps it
        String form = s.open("/conversations/" + id + "/edit");
        assertTrue(form.contains("<option value=\"" + work + "\" selected>Rent strike 2025</option>"), form);
        s.form().formParam("version", "0").formParam("occurredAt", "2026-11-20T18:30").formParam("durationMinutes", "40")
                .formParam("channel", "phone").formParam("workId", work).post("/conversations/" + id + "/edit")
                .then().statusCode(303);
        team.api().get("/api/v1/conversations/" + id).then().body("workId", is(work)).body("durationMinutes", is(40));
    }

    /**
     * The walk: "We talked politics", ticked on the log form, was stored but shown nowhere but the conversation's own
     * edit form: not on the person's timeline, page or API. Now on both.
     */
    @Test
    void aTalkAboutPoliticsSaysSoOnThePersonsTimeline() {
        TestTeam team = TestTeam.create();
        String contact = PagesBrowserTest.contact(team, Map.of("fullName", "Lucy Parsons"));
        team.api().body(Map.of("contactId", contact, "durationMinutes", 30, "channel", "phone",
                "occurredAt", "2026-11-20T15:00:00Z", "politicalDiscussion", true)).post("/api/v1/conversations")
                .then().statusCode(201);
        team.api().body(Map.of("contactId", contact, "durationMinutes", 10, "channel", "video",
                "occurredAt", "2026-11-21T15:00:00Z")).post("/api/v1/conversations").then().statusCode(201);
        team.api().get("/api/v1/contacts/" + contact + "/timeline").then().statusCode(200)
                .body("items.findAll { it.type == 'conversation' }.politicalDiscussion", contains(false, true));
        String page = Session.logIn(team).open("/contacts/" + contact);
        assertTrue(page.contains("phone · 30 min · We talked politics</strong>"), page);
        assertTrue(page.contains("video · 10 min</strong>"), page);
    }

    /**
     * The walk: a person's open follow-ups, on their page and on the log form ("This conversation completes"), were
     * in the order they were made, not by when they are due as Today orders them.
     */
    @Test
    void aPersonsOpenFollowUpsAreListedSoonestDueFirst() {
        TestTeam team = TestTeam.create();
        String contact = PagesBrowserTest.contact(team, Map.of("fullName", "Lucy Parsons"));
        for (String[] f : new String[][] {{"2026-12-20", "Second"}, {"2027-03-01", "Third"}, {"2026-11-01", "First"}}) {
            team.api().body(Map.of("contactId", contact, "dueOn", f[0], "purpose", f[1] + " step"))
                    .post("/api/v1/followups").then().statusCode(201);
        }
        Session s = Session.logIn(team);
        for (String page : new String[] {s.open("/contacts/" + contact), s.open("/conversations/new?contact=" + contact)}) {
            int first = page.indexOf("First step");
            int second = page.indexOf("Second step");
            int third = page.indexOf("Third step");
            assertTrue(first > 0 && first < second && second < third, page);
        }
    }

    @Test
    void savingWithoutTouchingTheTimeKeepsItToTheSecond() {
        TestTeam team = TestTeam.create("America/New_York");
        String contact = PagesBrowserTest.contact(team, Map.of("fullName", "Lucy Parsons"));
        String id = team.api().body(Map.of("contactId", contact, "durationMinutes", 30, "channel", "phone",
                        "occurredAt", "2026-11-20T15:15:47Z", "summary", "Talked about the rent strke"))
                .post("/api/v1/conversations").then().statusCode(201).extract().path("id");
        Session s = Session.logIn(team);
        String form = s.open("/conversations/" + id + "/edit");
        assertTrue(form.contains("value=\"2026-11-20T10:15\""), "shown on the team's clocks, to the minute: " + form);
        // a typo fixed in the summary: the time as shown goes back, and the stored one keeps its seconds
        s.form().formParam("version", "0").formParam("occurredAt", "2026-11-20T10:15").formParam("durationMinutes", "30")
                .formParam("channel", "phone").formParam("summary", "Talked about the rent strike")
                .post("/conversations/" + id + "/edit").then().statusCode(303);
        team.api().get("/api/v1/conversations/" + id).then().body("occurredAt", is("2026-11-20T15:15:47Z"))
                .body("summary", is("Talked about the rent strike"));
        // changed, it is the minute typed
        s.open("/conversations/" + id + "/edit");
        s.form().formParam("version", "1").formParam("occurredAt", "2026-11-20T10:45").formParam("durationMinutes", "30")
                .formParam("channel", "phone").post("/conversations/" + id + "/edit").then().statusCode(303);
        team.api().get("/api/v1/conversations/" + id).then().body("occurredAt", is("2026-11-20T15:45:00Z"));
    }

    /**
     * The walk: a conversation that answered a first-timer's follow-up, moved by its form to before the action, left
     * the follow-up done by a talk before the action. Refused on the time's box as the API refuses it, what was typed
     * kept, nothing changed.
     */
    @Test
    void aTimeBeforeTheActionItAnsweredIsRefusedOnItsBox() {
        TestTeam team = TestTeam.create("UTC");
        String action = team.api().body(Map.of("title", "Rally", "kind", "rally", "startsAt", "2026-11-20T12:00:00Z",
                "durationMinutes", 60)).post("/api/v1/actions").then().statusCode(201).extract().path("id");
        String contact = team.api().body(java.util.List.of(Map.of("newContact", Map.of("fullName", "Dev Lopez"))))
                .put("/api/v1/actions/" + action + "/attendance").then().statusCode(200).extract().path("attendance[0].contactId");
        String followUp = team.api().queryParam("contact", contact).get("/api/v1/followups").then()
                .extract().path("items[0].id");
        String id = team.api().body(Map.of("contactId", contact, "durationMinutes", 30, "occurredAt", "2026-11-21T10:00:00Z",
                        "completeFollowUpIds", java.util.List.of(followUp)))
                .post("/api/v1/conversations").then().statusCode(201).extract().path("id");
        Session s = Session.logIn(team);
        s.open("/conversations/" + id + "/edit");
        Response bad = s.form().formParam("version", "0").formParam("occurredAt", "2026-11-19T18:30")
                .formParam("durationMinutes", "30").formParam("channel", "phone").formParam("summary", "Met at the gate")
                .post("/conversations/" + id + "/edit");
        PageFormsTest.assertFieldError(bad, "occurredAt", "a conversation before it does not complete it");
        // what the page can do about it (it said "reopen that follow-up first", which no page offers: the walk)
        bad.then().body(containsString("To date it before the action, delete it and log it again"));
        bad.then().body(containsString("value=\"2026-11-19T18:30\"")).body(containsString("Met at the gate"));
        team.api().get("/api/v1/conversations/" + id).then().body("occurredAt", is("2026-11-21T10:00:00Z"))
                .body("summary", nullValue());
        team.api().get("/api/v1/followups/" + followUp).then().body("status", is("done"));
    }
}
