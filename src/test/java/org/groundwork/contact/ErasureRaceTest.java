package org.groundwork.contact;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.groundwork.support.AllTeams;
import org.groundwork.support.HeldLocks;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * An erasure and a write about the same person at the same time: the person's words do not
 * survive either order. A write that stores words about a contact holds it FOR KEY SHARE from its
 * first read (ContactService.known), the erasure holds it FOR UPDATE (lockLive): the erasure waits
 * for the write and scrubs it, or the write waits for the erasure and finds no one. A review found a
 * conversation's summary, an open follow-up's purpose and a tie's note kept after the erasure
 * answered 204, and a keyed request's stored answer replaying the name. Each side is held open here
 * on a connection of the test's own, so the order is certain.
 */
@QuarkusTest
class ErasureRaceTest {

    @Inject
    DataSource dataSource;

    @Test
    void writesAboutAPersonArrivingDuringTheirErasureAreRefusedAndKeepNoWords() throws Exception {
        TestTeam team = TestTeam.create();
        String contact = ContactsTest.contact(team, "Emma Goldman");
        String friend = ContactsTest.contact(team, "Voltairine de Cleyre");
        CompletableFuture<Response> logged;
        CompletableFuture<Response> followUp;
        CompletableFuture<Response> tied;
        try (Connection erasing = AllTeams.connection(dataSource)) {
            erasing.setAutoCommit(false);
            // the erasure's first steps (ContactService.erase), held open: the contact locked, its words gone
            HeldLocks.execute(erasing, "select 1 from contact where id = ? for update", contact);
            HeldLocks.execute(erasing, """
                    update contact set full_name = null, phone = null, email = null, notes = null, tags = '{}',
                        do_not_contact = true, erased_at = now(), updated_at = now(), version = version + 1
                    where id = ?""", contact);
            logged = CompletableFuture.supplyAsync(() -> team.api().body(Map.of("contactId", contact,
                    "durationMinutes", 20, "channel", "phone", "summary", "she will bring her neighbours"))
                    .post("/api/v1/conversations"));
            followUp = CompletableFuture.supplyAsync(() -> team.api().body(Map.of("contactId", contact,
                    "dueOn", LocalDate.now().plusDays(3).toString(), "purpose", "ask about her landlord"))
                    .post("/api/v1/followups"));
            tied = CompletableFuture.supplyAsync(() -> team.api().body(Map.of("otherContactId", contact,
                    "kind", "close", "note", "they share a flat"))
                    .post("/api/v1/contacts/" + friend + "/ties"));
            HeldLocks.waitUntilBlocked(dataSource, erasing, logged, followUp, tied);
            erasing.commit();
        }
        logged.get(30, TimeUnit.SECONDS).then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.is("contactId"));
        followUp.get(30, TimeUnit.SECONDS).then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.is("contactId"));
        tied.get(30, TimeUnit.SECONDS).then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.is("otherContactId"));
        assertEquals(List.of(), AllTeams.rows(dataSource,
                "select id from conversation where contact_id = ?1 union all select id from follow_up where contact_id = ?2"
                        + " union all select id from tie where contact_id = ?3 or other_contact_id = ?4",
                contact, contact, contact, contact),
                "nothing written about her after her erasure");
    }

    @Test
    void afterAnErasureTheirFollowUpGetsNoWordsBackAndTheirAttendanceStaysWithoutWords() {
        TestTeam team = TestTeam.create();
        String contact = ContactsTest.contact(team, "Emma Goldman");
        String other = ContactsTest.contact(team, "Lucy Parsons");
        String followUp = team.api().body(Map.of("contactId", contact, "dueOn", LocalDate.now().plusDays(3).toString(),
                "purpose", "ask about her landlord")).post("/api/v1/followups").then().statusCode(201).extract().path("id");
        String action = team.api().body(Map.of("title", "Depot picket", "startsAt", "2026-05-01T06:00:00Z",
                "durationMinutes", 60)).post("/api/v1/actions").then().statusCode(201).extract().path("id");
        team.api().body(List.of(Map.of("contactId", contact, "notes", "came with her sister"), Map.of("contactId", other)))
                .put("/api/v1/actions/" + action + "/attendance").then().statusCode(200);
        team.api().delete("/api/v1/contacts/" + contact).then().statusCode(204);

        // a review wrote a new purpose on her dropped follow-up and reopened it, on a tombstone
        String tag = team.api().get("/api/v1/followups/" + followUp).then().statusCode(200).extract().header("ETag");
        team.api().header("If-Match", tag).body(Map.of("purpose", "she lives at 12 Elm, apt 3", "status", "open"))
                .patch("/api/v1/followups/" + followUp).then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("erased"));
        team.api().get("/api/v1/followups/" + followUp).then().body("status", org.hamcrest.Matchers.is("dropped"))
                .body("purpose", org.hamcrest.Matchers.nullValue());

        // and nobody else could be checked in to an action she had come to: the list sent back whole
        // (as the check-in page sends it) named her, and she was no contact any more
        String third = ContactsTest.contact(team, "Ella Baker");
        team.api().body(List.of(Map.of("contactId", contact), Map.of("contactId", other), Map.of("contactId", third)))
                .put("/api/v1/actions/" + action + "/attendance").then().statusCode(200)
                .body("attendance.size()", org.hamcrest.Matchers.is(3));
        // she stays as she is, without words; not added anywhere new
        team.api().body(List.of(Map.of("contactId", contact, "notes", "her address"), Map.of("contactId", other)))
                .put("/api/v1/actions/" + action + "/attendance").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.is("[0].notes"));
        String later = team.api().body(Map.of("title", "March", "startsAt", "2026-06-01T06:00:00Z", "durationMinutes", 60))
                .post("/api/v1/actions").then().statusCode(201).extract().path("id");
        team.api().body(List.of(Map.of("contactId", contact))).put("/api/v1/actions/" + later + "/attendance")
                .then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.is("[0].contactId"));
        assertEquals(List.of("(none)"), AllTeams.rows(dataSource,
                "select coalesce(notes, '(none)') from attendance where contact_id = ?1", contact));
    }

    @Test
    void anErasureWaitsForAConversationBeingLoggedAndScrubsIt() throws Exception {
        TestTeam team = TestTeam.create();
        String contact = ContactsTest.contact(team, "Emma Goldman");
        CompletableFuture<Response> erased;
        try (Connection logging = AllTeams.connection(dataSource)) {
            logging.setAutoCommit(false);
            // a conversation being logged, as ConversationService writes it: the contact held from its first read
            HeldLocks.execute(logging, "select 1 from contact where id = ? for key share", contact);
            erased = CompletableFuture.supplyAsync(() -> team.api().delete("/api/v1/contacts/" + contact));
            HeldLocks.waitUntilBlocked(dataSource, logging, erased);
            assertFalse(erased.isDone(), "the erasure waits for the conversation being logged");
            HeldLocks.execute(logging, """
                    insert into conversation (id, team_id, contact_id, organizer_id, occurred_at, duration_minutes,
                        channel, summary, political_discussion, created_at, updated_at, version)
                    select gen_random_uuid(), c.team_id, c.id, c.owner_id, now(), 30, 'phone',
                        'she will bring her neighbours', false, now(), now(), 0
                    from contact c where c.id = ?""", contact);
            logging.commit();
        }
        erased.get(30, TimeUnit.SECONDS).then().statusCode(204);
        assertEquals(List.of("(none)"), AllTeams.rows(dataSource,
                "select coalesce(summary, '(none)') from conversation where contact_id = ?1", contact),
                "the conversation logged just before the erasure keeps no words");
    }
}
