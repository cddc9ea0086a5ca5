package org.groundwork.conversation;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.groundwork.followup.ContactRows;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

@QuarkusTest
class ConversationsTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void logReadChangeAndDeleteAConversation() {
        TestTeam team = TestTeam.create();
        String contact = ContactRows.in(team).name("Rosa Parks").insert();
        String id = team.api().body(Map.of("contactId", contact, "durationMinutes", 45, "summary", "Talked about rent",
                        "issues", "mould", "commitments", "come to the meeting"))
                .post("/api/v1/conversations").then().statusCode(201)
                .header("Location", containsString("/api/v1/conversations/")).header("ETag", notNullValue())
                .body("contactId", is(contact))
                .body("contact.id", is(contact))
                .body("contact.fullName", is("Rosa Parks"))
                .body("organizerId", is(team.adminId))
                .body("workId", nullValue())
                .body("channel", is("in-person"))
                .body("durationMinutes", is(45))
                .body("politicalDiscussion", is(false))
                .body("occurredAt", notNullValue())
                .body("createdAt", notNullValue())
                .body("nextStepFollowUpId", nullValue())
                .body("completedFollowUpIds", empty())
                .extract().path("id");
        assertNotNull(lastConversationAt(contact));

        String etag = team.api().get("/api/v1/conversations/" + id).then().statusCode(200)
                .body("id", is(id)).body("summary", is("Talked about rent")).body("contact.fullName", is("Rosa Parks"))
                .body("$", not(hasKey("nextStepFollowUpId")))
                .extract().header("ETag");
        team.api().header("If-Match", etag).body(Map.of("channel", "phone", "durationMinutes", 20, "politicalDiscussion", true))
                .patch("/api/v1/conversations/" + id).then().statusCode(200)
                .body("channel", is("phone")).body("durationMinutes", is(20)).body("politicalDiscussion", is(true))
                .body("summary", is("Talked about rent"))
                .header("ETag", not(etag));
        team.api().header("If-Match", etag).body(Map.of("durationMinutes", 30))
                .patch("/api/v1/conversations/" + id).then().statusCode(412).contentType(PROBLEM);
        HashMap<String, Object> clear = new HashMap<>();
        clear.put("summary", null);
        team.api().body(clear).patch("/api/v1/conversations/" + id).then().statusCode(200)
                .body("summary", nullValue()).body("issues", is("mould"));

        team.api().delete("/api/v1/conversations/" + id).then().statusCode(204);
        team.api().get("/api/v1/conversations/" + id).then().statusCode(404).contentType(PROBLEM);
        assertNull(lastConversationAt(contact));
    }

    @Test
    void everyFieldCanBeGivenOnCreate() {
        TestTeam team = TestTeam.create();
        var member = team.member("organizer");
        String contact = ContactRows.in(team).insert();
        String work = insertWork(team);
        Instant at = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        team.api().body(Map.of("contactId", contact, "organizerId", member.id(), "workId", work,
                        "occurredAt", at.toString(), "durationMinutes", 1440, "channel", "house-visit",
                        "politicalDiscussion", true))
                .post("/api/v1/conversations").then().statusCode(201)
                .body("organizerId", is(member.id())).body("workId", is(work))
                .body("occurredAt", is(at.toString())).body("channel", is("house-visit"))
                .body("politicalDiscussion", is(true));
        assertEquals(at, lastConversationAt(contact));
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndStoresNothing() {
        TestTeam team = TestTeam.create();
        TestTeam other = TestTeam.create();
        String contact = ContactRows.in(team).insert();
        String elsewhere = ContactRows.in(other).insert();
        String otherContact = ContactRows.in(team).insert();
        String foreignFollowUp = team.api().body(Map.of("contactId", otherContact, "dueOn", LocalDate.now().toString()))
                .post("/api/v1/followups").then().statusCode(201).extract().path("id");

        badCreate(team, Map.of("durationMinutes", 10), "contactId");
        badCreate(team, Map.of("contactId", contact, "durationMinutes", 0), "durationMinutes");
        badCreate(team, Map.of("contactId", contact, "durationMinutes", -5), "durationMinutes");
        badCreate(team, Map.of("contactId", contact, "durationMinutes", 1441), "durationMinutes");
        badCreate(team, Map.of("contactId", contact), "durationMinutes");
        badCreate(team, Map.of("contactId", contact, "durationMinutes", 10, "channel", "carrier-pigeon"), "channel");
        badCreate(team, Map.of("contactId", contact, "durationMinutes", 10, "occurredAt", "yesterday"), "occurredAt");
        badCreate(team, Map.of("contactId", contact, "durationMinutes", 10,
                "occurredAt", Instant.now().plus(3, ChronoUnit.DAYS).toString()), "occurredAt");
        badCreate(team, Map.of("contactId", contact, "durationMinutes", 10, "summary", "x".repeat(20001)), "summary");
        badCreate(team, Map.of("contactId", UUID.randomUUID().toString(), "durationMinutes", 10), "contactId");
        badCreate(team, Map.of("contactId", "not-an-id", "durationMinutes", 10), "contactId");
        badCreate(team, Map.of("contactId", elsewhere, "durationMinutes", 10), "contactId");
        badCreate(team, Map.of("contactId", contact, "durationMinutes", 10, "workId", UUID.randomUUID().toString()), "workId");
        badCreate(team, Map.of("contactId", contact, "durationMinutes", 10, "organizerId", other.adminId), "organizerId");
        badCreate(team, Map.of("contactId", contact, "durationMinutes", 10, "nextStep", Map.of("purpose", "call back")),
                "nextStep.dueOn");
        badCreate(team, Map.of("contactId", contact, "durationMinutes", 10,
                "nextStep", Map.of("dueOn", "next week", "purpose", "call back")), "nextStep.dueOn");
        badCreate(team, Map.of("contactId", contact, "durationMinutes", 10,
                "nextStep", Map.of("dueOn", LocalDate.now().toString())), "nextStep.purpose");
        // a next step before the conversation's own day (the walk: a slip of the date picker, accepted)
        badCreate(team, Map.of("contactId", contact, "durationMinutes", 10,
                "nextStep", Map.of("dueOn", LocalDate.now(ZoneOffset.UTC).minusDays(2).toString(), "purpose", "call back")),
                "nextStep.dueOn");
        badCreate(team, Map.of("contactId", contact, "durationMinutes", 10, "occurredAt", "2026-03-10T18:00:00Z",
                "nextStep", Map.of("dueOn", "2026-03-09", "purpose", "call back")), "nextStep.dueOn");
        badCreate(team, Map.of("contactId", contact, "durationMinutes", 10,
                "completeFollowUpIds", List.of(foreignFollowUp)), "completeFollowUpIds[0]");
        badCreate(team, Map.of("contactId", contact, "durationMinutes", 10,
                "completeFollowUpIds", List.of(UUID.randomUUID().toString())), "completeFollowUpIds[0]");
        // a null item is named by its index, never by the validator's own "<list element>" (the walk)
        badCreate(team, Map.of("contactId", contact, "durationMinutes", 10,
                "completeFollowUpIds", java.util.Arrays.asList(UUID.randomUUID().toString(), null)), "completeFollowUpIds[1]");

        team.api().body("{\"contactId\": ").post("/api/v1/conversations").then().statusCode(400).contentType(PROBLEM);
        team.api().post("/api/v1/conversations").then().statusCode(400).contentType(PROBLEM);
        team.api().contentType(ContentType.TEXT).body("had a chat").post("/api/v1/conversations")
                .then().statusCode(415).contentType(PROBLEM);

        assertEquals(0, ContactRows.count("select count(*) from conversation where team_id = ?1", UUID.fromString(team.teamId)));
        assertEquals(1, ContactRows.count("select count(*) from follow_up where team_id = ?1", UUID.fromString(team.teamId)));
        team.api().get("/api/v1/followups/" + foreignFollowUp).then().body("status", is("open"));
        assertNull(lastConversationAt(contact));

        String id = team.api().body(Map.of("contactId", contact, "durationMinutes", 10))
                .post("/api/v1/conversations").then().statusCode(201).extract().path("id");
        team.api().body(Map.of("contactId", otherContact)).patch("/api/v1/conversations/" + id)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("contactId"));
        team.api().body(Map.of("contactId", contact, "durationMinutes", 0)).patch("/api/v1/conversations/" + id)
                .then().statusCode(400).body("errors[0].field", is("durationMinutes"));
        team.api().body(Map.of("channel", "smoke-signal")).patch("/api/v1/conversations/" + id)
                .then().statusCode(400).body("errors[0].field", is("channel"));
        HashMap<String, Object> nulled = new HashMap<>();
        nulled.put("durationMinutes", null);
        team.api().body(nulled).patch("/api/v1/conversations/" + id)
                .then().statusCode(400).body("errors[0].field", is("durationMinutes"));
        team.api().body(Map.of("workId", UUID.randomUUID().toString())).patch("/api/v1/conversations/" + id)
                .then().statusCode(400).body("errors[0].field", is("workId"));
        team.api().body("[1]").patch("/api/v1/conversations/" + id).then().statusCode(400).contentType(PROBLEM);
        team.api().get("/api/v1/conversations/" + id).then().body("durationMinutes", is(10)).body("contactId", is(contact));
    }

    @Test
    void aNextStepOpensAFollowUpThatShowsInTheQueue() {
        TestTeam team = TestTeam.create();
        var member = team.member("organizer");
        String contact = ContactRows.in(team).name("Next Stepper").insert();
        String today = LocalDate.now(ZoneId.of("UTC")).toString();
        var created = team.api().body(Map.of("contactId", contact, "durationMinutes", 30, "organizerId", member.id(),
                        "nextStep", Map.of("dueOn", today, "purpose", "Bring the petition")))
                .post("/api/v1/conversations").then().statusCode(201)
                .body("nextStepFollowUpId", notNullValue()).extract().jsonPath();
        String followUp = created.getString("nextStepFollowUpId");
        team.api().get("/api/v1/followups/" + followUp).then().statusCode(200)
                .body("reason", is("next-step")).body("status", is("open")).body("dueOn", is(today))
                .body("purpose", is("Bring the petition")).body("assigneeId", is(member.id()))
                .body("contactId", is(contact));
        member.api().get("/api/v1/followups/queue").then().statusCode(200)
                .body("today.id", contains(followUp))
                .body("today[0].contact.fullName", is("Next Stepper"))
                .body("today[0].reason", is("next-step"));
    }

    @Test
    void aConversationCompletesOnlyTheFollowUpsItNames() {
        TestTeam team = TestTeam.create();
        String contact = ContactRows.in(team).insert();
        String first = openFollowUp(team, contact);
        String second = openFollowUp(team, contact);
        String conversation = team.api().body(Map.of("contactId", contact, "durationMinutes", 15,
                        "completeFollowUpIds", List.of(first)))
                .post("/api/v1/conversations").then().statusCode(201)
                .body("completedFollowUpIds", contains(first)).extract().path("id");
        team.api().get("/api/v1/followups/" + first).then()
                .body("status", is("done")).body("completedByConversationId", is(conversation))
                .body("closedAt", notNullValue());
        team.api().get("/api/v1/followups/" + second).then()
                .body("status", is("open")).body("completedByConversationId", nullValue()).body("closedAt", nullValue());
        // done already: naming it again is a mistake, not a no-op
        badCreate(team, Map.of("contactId", contact, "durationMinutes", 10, "completeFollowUpIds", List.of(second, first)),
                "completeFollowUpIds[1]");
        team.api().get("/api/v1/followups/" + second).then().body("status", is("open"));

        // deleting the conversation (logged by mistake) reopens what it completed (web/ConversationDeletedTest)
        team.api().delete("/api/v1/conversations/" + conversation).then().statusCode(204);
        team.api().get("/api/v1/followups/" + first).then()
                .body("status", is("open")).body("completedByConversationId", nullValue()).body("closedAt", nullValue());
    }

    @Test
    void anErasedContactsConversationTakesNoWordsBack() {
        TestTeam team = TestTeam.create();
        String contact = ContactRows.in(team).insert();
        String id = log(team, contact, Instant.now().minus(1, ChronoUnit.DAYS).toString(), null);
        ContactRows.sql("update contact set full_name = null, phone = null, erased_at = now() where id = ?1",
                UUID.fromString(contact));
        team.api().get("/api/v1/conversations/" + id).then().statusCode(200)
                .body("contact.id", is(contact)).body("contact.fullName", nullValue());
        team.api().body(Map.of("summary", "remembered after all")).patch("/api/v1/conversations/" + id)
                .then().statusCode(409).contentType(PROBLEM);
        team.api().body(Map.of("durationMinutes", 40)).patch("/api/v1/conversations/" + id)
                .then().statusCode(200).body("summary", nullValue());
        badCreate(team, Map.of("contactId", contact, "durationMinutes", 10), "contactId");
    }

    @Test
    void listFiltersByDateInTheTeamsZoneNewestFirstAndPages() {
        TestTeam team = TestTeam.create("Pacific/Auckland");
        var member = team.member("organizer");
        String a = ContactRows.in(team).insert();
        String b = ContactRows.in(team).insert();
        // 2025-06-10T11:00Z is 23:00 on the 10th in Auckland (UTC+12 in June); 13:00Z is 01:00 on the 11th
        String late10th = log(team, a, "2025-06-10T11:00:00Z", null);
        String early11th = log(team, b, "2025-06-10T13:00:00Z", null);
        String bymember = log(team, a, "2025-06-12T09:00:00Z", member.id());
        team.api().queryParam("from", "2025-06-10").queryParam("to", "2025-06-10").get("/api/v1/conversations")
                .then().statusCode(200).body("items.id", contains(late10th));
        team.api().queryParam("from", "2025-06-11").queryParam("to", "2025-06-11").get("/api/v1/conversations")
                .then().body("items.id", contains(early11th));
        team.api().queryParam("from", "2025-06-10").get("/api/v1/conversations")
                .then().body("items.id", contains(bymember, early11th, late10th))
                .body("items[0].contact.id", is(a)).body("nextCursor", nullValue());
        team.api().queryParam("contact", a).get("/api/v1/conversations")
                .then().body("items.id", contains(bymember, late10th));
        team.api().queryParam("organizer", member.id()).get("/api/v1/conversations")
                .then().body("items.id", contains(bymember));
        team.api().queryParam("work", UUID.randomUUID().toString()).get("/api/v1/conversations")
                .then().statusCode(400).body("errors[0].field", is("work"));

        String cursor = team.api().queryParam("limit", 2).get("/api/v1/conversations").then()
                .body("items.id", contains(bymember, early11th)).body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        team.api().queryParam("limit", 2).queryParam("cursor", cursor).get("/api/v1/conversations").then()
                .body("items.id", contains(late10th)).body("nextCursor", nullValue());

        team.api().queryParam("from", "10 June").get("/api/v1/conversations").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", is("from"));
        team.api().queryParam("limit", 0).get("/api/v1/conversations").then().statusCode(400)
                .body("errors[0].field", is("limit"));
        team.api().queryParam("cursor", "garbage").get("/api/v1/conversations").then().statusCode(400)
                .body("errors[0].field", is("cursor"));
        team.api().queryParam("contact", "nope").get("/api/v1/conversations").then().statusCode(400)
                .body("errors[0].field", is("contact"));
    }

    @Test
    void anotherTeamSeesNothingAndGets404() {
        TestTeam team = TestTeam.create();
        TestTeam other = TestTeam.create();
        String contact = ContactRows.in(team).insert();
        String id = log(team, contact, Instant.now().minus(1, ChronoUnit.HOURS).toString(), null);
        String url = "/api/v1/conversations/" + id;
        other.api().get(url).then().statusCode(404).contentType(PROBLEM);
        other.api().body(Map.of("durationMinutes", 5)).patch(url).then().statusCode(404).contentType(PROBLEM);
        other.api().delete(url).then().statusCode(404).contentType(PROBLEM);
        other.api().get("/api/v1/conversations/not-an-id").then().statusCode(404);
        other.api().get("/api/v1/conversations").then().statusCode(200).body("items", empty());
        other.api().queryParam("contact", contact).get("/api/v1/conversations").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", is("contact"));
        team.api().get(url).then().statusCode(200).body("durationMinutes", is(30));
        team.api().get("/api/v1/conversations").then().body("items.id", contains(id));
        io.restassured.RestAssured.given().get(url).then().statusCode(401);
    }

    /** A conversation logged late: its next step is on or after its day, though before today, and is overdue. */
    @Test
    void aConversationLoggedLateMayHaveANextStepThatIsAlreadyDue() {
        TestTeam team = TestTeam.create();
        String contact = team.api().body(Map.of("fullName", "Late Logged")).post("/api/v1/contacts")
                .then().statusCode(201).extract().path("id");
        String followUp = team.api().body(Map.of("contactId", contact, "durationMinutes", 10, "occurredAt", "2026-03-10T18:00:00Z",
                        "nextStep", Map.of("dueOn", "2026-03-10", "purpose", "call back")))
                .post("/api/v1/conversations").then().statusCode(201).extract().path("nextStepFollowUpId");
        team.api().get("/api/v1/followups/" + followUp).then().statusCode(200).body("dueOn", is("2026-03-10"));
        team.api().get("/api/v1/conversations").then().body("items", hasSize(1));
    }

    private static void badCreate(TestTeam team, Map<String, ?> body, String field) {
        team.api().body(body).post("/api/v1/conversations").then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", hasItem(field));
    }

    private static String log(TestTeam team, String contact, String at, String organizerId) {
        Map<String, Object> body = new HashMap<>(Map.of("contactId", contact, "durationMinutes", 30, "occurredAt", at));
        if (organizerId != null) {
            body.put("organizerId", organizerId);
        }
        return team.api().body(body).post("/api/v1/conversations").then().statusCode(201).extract().path("id");
    }

    private static String openFollowUp(TestTeam team, String contact) {
        return team.api().body(Map.of("contactId", contact, "dueOn", LocalDate.now().toString(), "purpose", "check in"))
                .post("/api/v1/followups").then().statusCode(201).extract().path("id");
    }

    private static String insertWork(TestTeam team) {
        UUID id = UUID.randomUUID();
        ContactRows.sql("insert into work (id, team_id, name, focus) values (?1, ?2, 'Rent strike', 'bring-in-new')",
                id, UUID.fromString(team.teamId));
        return id.toString();
    }

    private static Instant lastConversationAt(String contact) {
        long micros = ContactRows.count("""
                select coalesce(extract(epoch from last_conversation_at) * 1000000, -1)::bigint
                from contact where id = ?1""", UUID.fromString(contact));
        return micros < 0 ? null : Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
}
