package org.groundwork.followup;

import io.quarkus.test.junit.QuarkusTest;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.*;

@QuarkusTest
class QueueTest {

    @Test
    void followUpsFallIntoBucketsByTheTeamsToday() {
        // UTC+14: most of the day its date is ahead of UTC, so a UTC "today" would put items in the wrong bucket
        String zone = "Pacific/Kiritimati";
        TestTeam team = TestTeam.create(zone);
        LocalDate today = LocalDate.now(ZoneId.of(zone));
        String a = ContactRows.in(team).name("Ada").level("less-involved").insert();
        String b = ContactRows.in(team).name("Ben").insert();
        String c = ContactRows.in(team).name("Cy").insert();
        String overdue = create(team, a, today.minusDays(1), "other");
        String dueToday = create(team, b, today, "keep-in-touch");
        String upcoming = create(team, c, today.plusDays(1), "next-step");
        String laterHeat = create(team, a, today.plusDays(2), "after-action");
        String soonerHeat = create(team, b, today.minusDays(3), "after-action");
        team.api().get("/api/v1/followups/queue").then().statusCode(200)
                .body("date", is(today.toString()))
                .body("heat.id", contains(soonerHeat, laterHeat))
                .body("overdue.id", contains(overdue))
                .body("today.id", contains(dueToday))
                .body("upcoming.id", contains(upcoming))
                .body("heat[1].contactId", is(a))
                .body("heat[1].contact.fullName", is("Ada"))
                .body("heat[1].contact.engagementLevel", is("less-involved"))
                .body("heat[1].contact.position", is("base"))
                .body("heat[1].contact.phone", notNullValue())
                .body("heat[1].reason", is("after-action"))
                .body("heat[1].dueOn", is(today.plusDays(2).toString()))
                .body("cooling", empty());
        // done and dropped ones leave the queue
        team.api().body(Map.of("status", "done")).patch("/api/v1/followups/" + overdue).then().statusCode(200);
        team.api().get("/api/v1/followups/queue").then().body("overdue", empty());
    }

    @Test
    void onlyTheAssigneesQueueAndNeverDoNotContactOrErased() {
        TestTeam team = TestTeam.create();
        var member = team.member("organizer");
        LocalDate today = LocalDate.now(ZoneId.of("UTC"));
        String mine = ContactRows.in(team).insert();
        String hidden = ContactRows.in(team).doNotContact().insert();
        String erased = ContactRows.in(team).insert();
        String shown = create(team, mine, today, "other");
        create(team, hidden, today, "other");
        create(team, hidden, today, "after-action");
        create(team, erased, today, "other");
        ContactRows.sql("update contact set full_name = null, phone = null, erased_at = now() where id = ?1",
                UUID.fromString(erased));
        team.api().body(Map.of("contactId", mine, "dueOn", today.toString(), "assigneeId", member.id()))
                .post("/api/v1/followups").then().statusCode(201);
        team.api().get("/api/v1/followups/queue").then().statusCode(200)
                .body("today.id", contains(shown)).body("heat", empty());
        member.api().get("/api/v1/followups/queue").then().statusCode(200).body("today", hasSize(1))
                .body("today[0].contactId", is(mine));
    }

    @Test
    void coolingListsLessInvolvedAndNewBeforeCadreAndAConversationWarmsThemUp() {
        TestTeam team = TestTeam.create();
        var member = team.member("organizer");
        String cadre = ContactRows.in(team).level("cadre").createdDaysAgo(60).insert();
        String newer = ContactRows.in(team).level("new").createdDaysAgo(30).insert();
        String lessInvolved = ContactRows.in(team).level("less-involved").createdDaysAgo(40).insert();
        ContactRows.in(team).level("new").createdDaysAgo(5).insert();                  // not cooling yet
        ContactRows.in(team).level("new").createdDaysAgo(90).doNotContact().insert();  // never in a queue
        ContactRows.in(team).level("new").createdDaysAgo(90).owner(member.id()).insert(); // someone else's
        String owed = ContactRows.in(team).level("new").createdDaysAgo(90).insert();   // has an open follow-up
        create(team, owed, LocalDate.now().plusDays(10), "keep-in-touch");
        String erased = ContactRows.in(team).level("new").createdDaysAgo(90).insert();
        ContactRows.sql("update contact set full_name = null, phone = null, erased_at = now() where id = ?1",
                UUID.fromString(erased));

        team.api().get("/api/v1/followups/queue").then().statusCode(200)
                .body("cooling.id", contains(lessInvolved, newer, cadre))
                .body("cooling[0].engagementLevel", is("less-involved"))
                .body("cooling[0].fullName", notNullValue())
                .body("cooling[0].lastConversationAt", nullValue())
                .body("upcoming.contactId", contains(owed));

        team.api().body(Map.of("contactId", lessInvolved, "durationMinutes", 20))
                .post("/api/v1/conversations").then().statusCode(201);
        // an old conversation does not warm anyone up
        team.api().body(Map.of("contactId", cadre, "durationMinutes", 20,
                        "occurredAt", java.time.Instant.now().minus(java.time.Duration.ofDays(50)).toString()))
                .post("/api/v1/conversations").then().statusCode(201);
        team.api().get("/api/v1/followups/queue").then()
                .body("cooling.id", contains(newer, cadre))
                .body("cooling[1].lastConversationAt", notNullValue());
        member.api().get("/api/v1/followups/queue").then().body("cooling", hasSize(1));
    }

    @Test
    void anotherOrganizersQueueNeedsCoordinatorOrAdmin() {
        TestTeam team = TestTeam.create();
        TestTeam other = TestTeam.create();
        var organizer = team.member("organizer");
        var coordinator = team.member("coordinator");
        String contact = ContactRows.in(team).owner(organizer.id()).insert();
        team.api().body(Map.of("contactId", contact, "dueOn", LocalDate.now().toString(), "assigneeId", organizer.id()))
                .post("/api/v1/followups").then().statusCode(201);

        organizer.api().queryParam("organizer", team.adminId).get("/api/v1/followups/queue").then().statusCode(403)
                .contentType("application/problem+json");
        organizer.api().queryParam("organizer", organizer.id()).get("/api/v1/followups/queue").then().statusCode(200)
                .body("today", hasSize(1));
        coordinator.api().queryParam("organizer", organizer.id()).get("/api/v1/followups/queue").then().statusCode(200)
                .body("today[0].contactId", is(contact));
        team.api().queryParam("organizer", organizer.id()).get("/api/v1/followups/queue").then().statusCode(200)
                .body("today", hasSize(1));
        // another team's organizer is no organizer of this team: a 400 naming the filter, as in every list
        coordinator.api().queryParam("organizer", other.adminId).get("/api/v1/followups/queue").then().statusCode(400)
                .body("errors[0].field", is("organizer"));
        organizer.api().queryParam("organizer", other.adminId).get("/api/v1/followups/queue").then().statusCode(400)
                .body("errors[0].field", is("organizer"));
        // not an id at all is bad input, as in every list's filters: 400 naming the parameter
        coordinator.api().queryParam("organizer", "someone").get("/api/v1/followups/queue").then().statusCode(400)
                .body("errors[0].field", is("organizer"));
        io.restassured.RestAssured.given().get("/api/v1/followups/queue").then().statusCode(401);
    }

    private static String create(TestTeam team, String contact, LocalDate dueOn, String reason) {
        return team.api().body(Map.of("contactId", contact, "dueOn", dueOn.toString(), "reason", reason))
                .post("/api/v1/followups").then().statusCode(201).extract().path("id");
    }
}
