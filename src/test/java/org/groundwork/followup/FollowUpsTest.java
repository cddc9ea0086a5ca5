package org.groundwork.followup;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class FollowUpsTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void createReadRescheduleReassignCloseAndReopen() {
        TestTeam team = TestTeam.create();
        var member = team.member("organizer");
        String contact = ContactRows.in(team).name("Lucy Parsons").insert();
        String due = LocalDate.now().plusDays(3).toString();
        String id = team.api().body(Map.of("contactId", contact, "dueOn", due, "purpose", "Ask about the meeting"))
                .post("/api/v1/followups").then().statusCode(201)
                .header("Location", containsString("/api/v1/followups/")).header("ETag", notNullValue())
                .body("contactId", is(contact)).body("contact.id", is(contact)).body("contact.fullName", is("Lucy Parsons"))
                .body("assigneeId", is(team.adminId)).body("dueOn", is(due)).body("purpose", is("Ask about the meeting"))
                .body("reason", is("other")).body("status", is("open"))
                .body("completedByConversationId", nullValue()).body("closedAt", nullValue())
                .body("createdAt", notNullValue())
                .extract().path("id");

        String etag = team.api().get("/api/v1/followups/" + id).then().statusCode(200)
                .body("id", is(id)).extract().header("ETag");
        String later = LocalDate.now().plusDays(7).toString();
        team.api().header("If-Match", etag).body(Map.of("dueOn", later, "assigneeId", member.id(), "purpose", "Bring flyers"))
                .patch("/api/v1/followups/" + id).then().statusCode(200)
                .body("dueOn", is(later)).body("assigneeId", is(member.id())).body("purpose", is("Bring flyers"))
                .header("ETag", not(etag));
        team.api().header("If-Match", etag).body(Map.of("status", "done"))
                .patch("/api/v1/followups/" + id).then().statusCode(412).contentType(PROBLEM);
        team.api().get("/api/v1/followups/" + id).then().body("status", is("open"));

        team.api().body(Map.of("status", "dropped")).patch("/api/v1/followups/" + id).then().statusCode(200)
                .body("status", is("dropped")).body("closedAt", notNullValue());
        team.api().body(Map.of("status", "done")).patch("/api/v1/followups/" + id).then().statusCode(200)
                .body("status", is("done")).body("closedAt", notNullValue());
        team.api().body(Map.of("status", "open")).patch("/api/v1/followups/" + id).then().statusCode(200)
                .body("status", is("open")).body("closedAt", nullValue());
        // only spaces is no purpose, new or changed (the walk: Today drew an empty purpose line)
        team.api().body(Map.of("purpose", " \t ")).patch("/api/v1/followups/" + id).then().statusCode(200)
                .body("purpose", nullValue());
        team.api().body(Map.of("contactId", contact, "dueOn", due, "purpose", "   ")).post("/api/v1/followups")
                .then().statusCode(201).body("purpose", nullValue());
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndStoresNothing() {
        TestTeam team = TestTeam.create();
        TestTeam other = TestTeam.create();
        String contact = ContactRows.in(team).insert();
        String today = LocalDate.now().toString();
        bad(team, Map.of("dueOn", today), "contactId");
        bad(team, Map.of("contactId", contact), "dueOn");
        bad(team, Map.of("contactId", contact, "dueOn", "tomorrow"), "dueOn");
        bad(team, Map.of("contactId", contact, "dueOn", today, "reason", "whenever"), "reason");
        bad(team, Map.of("contactId", contact, "dueOn", today, "purpose", "x".repeat(2001)), "purpose");
        bad(team, Map.of("contactId", UUID.randomUUID().toString(), "dueOn", today), "contactId");
        bad(team, Map.of("contactId", ContactRows.in(other).insert(), "dueOn", today), "contactId");
        bad(team, Map.of("contactId", contact, "dueOn", today, "assigneeId", other.adminId), "assigneeId");
        team.api().body("{oops").post("/api/v1/followups").then().statusCode(400).contentType(PROBLEM);
        team.api().contentType(ContentType.TEXT).body("call her").post("/api/v1/followups").then().statusCode(415)
                .contentType(PROBLEM);
        assertEquals(0, ContactRows.count("select count(*) from follow_up where team_id = ?1", UUID.fromString(team.teamId)));

        String id = team.api().body(Map.of("contactId", contact, "dueOn", today)).post("/api/v1/followups")
                .then().statusCode(201).extract().path("id");
        team.api().body(Map.of("status", "finished")).patch("/api/v1/followups/" + id).then().statusCode(400)
                .body("errors[0].field", is("status"));
        HashMap<String, Object> nulled = new HashMap<>();
        nulled.put("dueOn", null);
        team.api().body(nulled).patch("/api/v1/followups/" + id).then().statusCode(400)
                .body("errors[0].field", is("dueOn"));
        team.api().body(Map.of("assigneeId", other.adminId)).patch("/api/v1/followups/" + id).then().statusCode(400)
                .body("errors[0].field", is("assigneeId"));
        team.api().body(Map.of("dueOn", "someday")).patch("/api/v1/followups/" + id).then().statusCode(400)
                .body("errors[0].field", is("dueOn"));
        // text, but not the date's form: said as the form it must have, not "expected a date as text" (a walk)
        for (Object wrong : new Object[]{"2036-12-7", 20361207}) {
            team.api().body(Map.of("dueOn", wrong)).patch("/api/v1/followups/" + id).then().statusCode(400)
                    .body("errors[0].field", is("dueOn"))
                    .body("errors[0].message", is("must be a date written YYYY-MM-DD, as text (e.g. \"2026-12-07\")"));
        }
        team.api().get("/api/v1/followups/" + id).then().body("dueOn", is(today)).body("assigneeId", is(team.adminId));
        team.api().queryParam("status", "pending").get("/api/v1/followups").then().statusCode(400)
                .body("errors[0].field", is("status"));
    }

    /**
     * A walk: a PATCH moved the date of a done follow-up (200). Its date is what it was due on when it was
     * closed, and the movement report counts it overdue at past periods' ends by that date.
     */
    @Test
    void aClosedFollowUpKeepsItsDateUntilReopened() {
        TestTeam team = TestTeam.create();
        String contact = ContactRows.in(team).insert();
        String due = LocalDate.now().plusDays(2).toString();
        String later = LocalDate.now().plusDays(9).toString();
        String id = team.api().body(Map.of("contactId", contact, "dueOn", due)).post("/api/v1/followups")
                .then().statusCode(201).extract().path("id");
        for (String closed : new String[]{"done", "dropped"}) {
            team.api().body(Map.of("status", closed)).patch("/api/v1/followups/" + id).then().statusCode(200);
            team.api().body(Map.of("dueOn", later)).patch("/api/v1/followups/" + id).then().statusCode(409)
                    .contentType(PROBLEM).body("errors[0].field", is("dueOn"))
                    .body("detail", containsString("reopen it"));
            team.api().body(Map.of("dueOn", later, "purpose", "Call again")).patch("/api/v1/followups/" + id)
                    .then().statusCode(409);
            // its own date sent back passes (a whole-object client), and so does an edit of the words
            team.api().body(Map.of("dueOn", due, "purpose", "Called")).patch("/api/v1/followups/" + id)
                    .then().statusCode(200).body("status", is(closed)).body("purpose", is("Called"));
            team.api().get("/api/v1/followups/" + id).then().body("dueOn", is(due)).body("status", is(closed));
        }
        // reopened in the same PATCH, the date is a plan again
        team.api().body(Map.of("dueOn", later, "status", "open")).patch("/api/v1/followups/" + id)
                .then().statusCode(200).body("dueOn", is(later)).body("status", is("open"));
    }

    /** Issue 12, bug 5: a reschedule to 2019-05-05 was accepted without a word. */
    @Test
    void reschedulingIntoThePastIsRefusedInTheTeamsTimeZone() {
        TestTeam team = TestTeam.create("Pacific/Kiritimati"); // UTC+14: "today" there is often tomorrow in UTC
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Pacific/Kiritimati"));
        String contact = ContactRows.in(team).insert();
        String overdue = today.minusDays(3).toString();
        String id = team.api().body(Map.of("contactId", contact, "dueOn", overdue)).post("/api/v1/followups")
                .then().statusCode(201).extract().path("id");
        for (String past : new String[]{"2019-05-05", today.minusDays(1).toString()}) {
            team.api().body(Map.of("dueOn", past)).patch("/api/v1/followups/" + id).then().statusCode(400)
                    .contentType(PROBLEM).body("errors[0].field", is("dueOn"))
                    .body("errors[0].message", containsString("today or later"));
        }
        team.api().get("/api/v1/followups/" + id).then().body("dueOn", is(overdue));
        // the date it already has may be sent back as it is (a whole-object client, a status change)
        team.api().body(Map.of("dueOn", overdue, "purpose", "Call again")).patch("/api/v1/followups/" + id)
                .then().statusCode(200).body("dueOn", is(overdue));
        team.api().body(Map.of("dueOn", today.toString())).patch("/api/v1/followups/" + id)
                .then().statusCode(200).body("dueOn", is(today.toString()));
        // and so is a century ahead (2126 for 2026, a walk); ten years ahead is still a plan
        team.api().body(Map.of("dueOn", today.plusYears(100).toString())).patch("/api/v1/followups/" + id)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("dueOn"))
                .body("errors[0].message", is("must be within ten years from today"));
        team.api().body(Map.of("dueOn", today.plusYears(10).plusDays(1).toString())).patch("/api/v1/followups/" + id)
                .then().statusCode(400);
        team.api().body(Map.of("dueOn", today.plusYears(10).toString())).patch("/api/v1/followups/" + id)
                .then().statusCode(200).body("dueOn", is(today.plusYears(10).toString()));
        // made so far ahead, by the API or as a conversation's next step: the same slip, the same answer
        team.api().body(Map.of("contactId", contact, "dueOn", today.plusYears(100).toString())).post("/api/v1/followups")
                .then().statusCode(400).body("errors[0].field", is("dueOn"))
                .body("errors[0].message", is("must be within ten years from today"));
        team.api().body(Map.of("contactId", contact, "durationMinutes", 5, "nextStep",
                        Map.of("dueOn", today.plusYears(100).toString(), "purpose", "Call back"))).post("/api/v1/conversations")
                .then().statusCode(400).body("errors[0].field", is("nextStep.dueOn"))
                .body("errors[0].message", is("must be within ten years from today"));
        team.api().get("/api/v1/followups?contact=" + contact).then().body("items", hasSize(1));
        team.api().get("/api/v1/conversations?contact=" + contact).then().body("items", hasSize(0));
    }

    @Test
    void aSecondOpenAfterActionFollowUpIsAConflict() {
        TestTeam team = TestTeam.create();
        String contact = ContactRows.in(team).insert();
        Map<String, Object> body = Map.of("contactId", contact, "dueOn", LocalDate.now().toString(), "reason", "after-action");
        String first = team.api().body(body).post("/api/v1/followups").then().statusCode(201)
                .body("reason", is("after-action")).extract().path("id");
        team.api().body(body).post("/api/v1/followups").then().statusCode(409).contentType(PROBLEM);
        team.api().body(Map.of("status", "done")).patch("/api/v1/followups/" + first).then().statusCode(200);
        String second = team.api().body(body).post("/api/v1/followups").then().statusCode(201).extract().path("id");
        team.api().body(Map.of("status", "open")).patch("/api/v1/followups/" + first).then().statusCode(409)
                .contentType(PROBLEM);
        team.api().get("/api/v1/followups/" + first).then().body("status", is("done"));
        team.api().get("/api/v1/followups/" + second).then().body("status", is("open"));
    }

    @Test
    void listFiltersByStatusAssigneeAndContactAndPages() {
        TestTeam team = TestTeam.create();
        var member = team.member("organizer");
        String a = ContactRows.in(team).insert();
        String b = ContactRows.in(team).insert();
        String today = LocalDate.now().toString();
        String a1 = create(team, Map.of("contactId", a, "dueOn", today));
        String a2 = create(team, Map.of("contactId", a, "dueOn", today, "assigneeId", member.id()));
        String b1 = create(team, Map.of("contactId", b, "dueOn", today));
        String b2 = create(team, Map.of("contactId", b, "dueOn", today));
        team.api().body(Map.of("status", "done")).patch("/api/v1/followups/" + b2).then().statusCode(200);

        team.api().get("/api/v1/followups").then().statusCode(200).body("items.id", contains(a1, a2, b1))
                .body("items[0].contact.id", is(a)).body("nextCursor", nullValue());
        team.api().queryParam("status", "done").get("/api/v1/followups").then().body("items.id", contains(b2));
        team.api().queryParam("assignee", member.id()).get("/api/v1/followups").then().body("items.id", contains(a2));
        team.api().queryParam("contact", b).get("/api/v1/followups").then().body("items.id", contains(b1));
        String cursor = team.api().queryParam("limit", 2).get("/api/v1/followups").then()
                .body("items.id", contains(a1, a2)).extract().path("nextCursor");
        team.api().queryParam("limit", 2).queryParam("cursor", cursor).get("/api/v1/followups").then()
                .body("items.id", contains(b1)).body("nextCursor", nullValue());
        team.api().queryParam("limit", 201).get("/api/v1/followups").then().statusCode(400);
    }

    @Test
    void anotherTeamSeesNothingAndGets404() {
        TestTeam team = TestTeam.create();
        TestTeam other = TestTeam.create();
        String contact = ContactRows.in(team).insert();
        String id = create(team, Map.of("contactId", contact, "dueOn", LocalDate.now().toString()));
        other.api().get("/api/v1/followups/" + id).then().statusCode(404).contentType(PROBLEM);
        other.api().body(Map.of("status", "done")).patch("/api/v1/followups/" + id).then().statusCode(404)
                .contentType(PROBLEM);
        other.api().get("/api/v1/followups/12345").then().statusCode(404);
        other.api().get("/api/v1/followups").then().statusCode(200).body("items", empty());
        other.api().queryParam("contact", contact).get("/api/v1/followups").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", is("contact"));
        // another team's organizer in the queue's filter: a 400 naming it, as every list's filters answer
        other.api().queryParam("organizer", team.adminId).get("/api/v1/followups/queue").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", is("organizer"));
        other.api().get("/api/v1/followups/queue").then().statusCode(200)
                .body("today", empty()).body("cooling", empty());
        team.api().get("/api/v1/followups/" + id).then().statusCode(200).body("status", is("open"));
    }

    private static void bad(TestTeam team, Map<String, ?> body, String field) {
        team.api().body(body).post("/api/v1/followups").then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", hasItem(field));
    }

    private static String create(TestTeam team, Map<String, ?> body) {
        return team.api().body(body).post("/api/v1/followups").then().statusCode(201).extract().path("id");
    }

    /** The walk: a follow-up a conversation completed, then dropped, kept that conversation as its answer. */
    @Test
    void aDoneFollowUpDroppedIsClosedAsDroppedNowWithoutItsAnswer() throws InterruptedException {
        TestTeam team = TestTeam.create();
        String contact = ContactRows.in(team).insert();
        String id = team.api().body(Map.of("contactId", contact, "dueOn", LocalDate.now().plusDays(1).toString()))
                .post("/api/v1/followups").then().statusCode(201).extract().path("id");
        String conversation = team.api().body(Map.of("contactId", contact, "durationMinutes", 10,
                "completeFollowUpIds", java.util.List.of(id))).post("/api/v1/conversations").then().statusCode(201)
                .extract().path("id");
        String doneAt = team.api().get("/api/v1/followups/" + id).then().body("status", is("done"))
                .body("completedByConversationId", is(conversation)).extract().path("closedAt");
        Thread.sleep(5); // a later instant for closedAt to move to
        String droppedAt = team.api().body(Map.of("status", "dropped")).patch("/api/v1/followups/" + id).then()
                .statusCode(200).body("status", is("dropped")).body("completedByConversationId", nullValue())
                .body("closedAt", notNullValue()).extract().path("closedAt");
        org.junit.jupiter.api.Assertions.assertTrue(java.time.Instant.parse(droppedAt).isAfter(java.time.Instant.parse(doneAt)),
                doneAt + " then " + droppedAt);
        // the conversation itself stays
        team.api().get("/api/v1/conversations/" + conversation).then().statusCode(200);
    }
}
