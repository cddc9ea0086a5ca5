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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A conversation logged while its contact's level history is being changed gets the level that
 * history ends with (V28_9): its trigger locks the contact FOR KEY SHARE before reading the level,
 * and a level change or its deletion holds the contact FOR UPDATE (ContactService). A review's race
 * test found 21 of 25 conversations logged during a deletion keeping the deleted level. Each side is
 * held open here on a connection of the test's own, so the order is certain, not hoped for.
 */
@QuarkusTest
class LevelAtTimeRaceTest {

    @Inject
    DataSource dataSource;

    @Test
    void aConversationLoggedWhileALevelChangeIsDeletedGetsTheLevelLeft() throws Exception {
        TestTeam team = TestTeam.create();
        String contact = ContactsTest.contact(team, "Lucy Parsons");
        String cadre = cadreSinceHerFirstDay(team, contact);

        CompletableFuture<Response> logged;
        try (Connection deleting = AllTeams.connection(dataSource)) {
            deleting.setAutoCommit(false);
            // what ContactService.deleteLevelChange does, held open: the contact FOR UPDATE, the change gone
            HeldLocks.execute(deleting, "select 1 from contact where id = ? for update", contact);
            HeldLocks.execute(deleting, "delete from level_change where id = ?", cadre);
            HeldLocks.execute(deleting, "update contact set engagement_level = 'new' where id = ?", contact);
            logged = CompletableFuture.supplyAsync(() -> team.api().body(Map.of("contactId", contact,
                    "durationMinutes", 20, "channel", "phone")).post("/api/v1/conversations"));
            HeldLocks.waitUntilBlocked(dataSource, deleting, logged);
            deleting.commit();
        }
        String conversation = logged.get(30, TimeUnit.SECONDS).then().statusCode(201).extract().path("id");
        assertEquals(List.of("new"), AllTeams.rows(dataSource, "select level_at_time from conversation where id = ?1",
                conversation), "the conversation has the level left once the change is gone, not the deleted one");
    }

    @Test
    void aLevelChangeDeletedWhileAConversationReadsItsLevelWaitsForIt() throws Exception {
        TestTeam team = TestTeam.create();
        String contact = ContactsTest.contact(team, "Lucy Parsons");
        String cadre = cadreSinceHerFirstDay(team, contact);

        CompletableFuture<Response> deleted;
        try (Connection logging = AllTeams.connection(dataSource)) {
            logging.setAutoCommit(false);
            // a conversation's trigger that has just read its level (V28_9), before its insert went on to
            // lock the contact any harder: only the FOR KEY SHARE is held. Hibernate's PESSIMISTIC_WRITE
            // (FOR NO KEY UPDATE) would not wait for it; the history's FOR UPDATE does.
            HeldLocks.execute(logging, "select 1 from contact where id = ? for key share", contact);
            deleted = CompletableFuture.supplyAsync(() ->
                    team.api().delete("/api/v1/contacts/" + contact + "/level-changes/" + cadre));
            HeldLocks.waitUntilBlocked(dataSource, logging, deleted);
            assertFalse(deleted.isDone(), "the delete waits for the conversation reading the level");
            logging.commit();
        }
        deleted.get(30, TimeUnit.SECONDS).then().statusCode(204);
        team.api().get("/api/v1/contacts/" + contact).then().body("engagementLevel", org.hamcrest.Matchers.is("new"));
    }

    @Test
    void editingAnAttendanceDuringALevelChangeOfItsContactWaitsForItWithoutADeadlock() throws Exception {
        TestTeam team = TestTeam.create();
        String contact = ContactsTest.contact(team, "Lucy Parsons");
        String action = team.api().body(Map.of("title", "Depot picket", "startsAt", "2026-05-01T07:00:00Z",
                "durationMinutes", 60)).post("/api/v1/actions").then().statusCode(201).extract().path("id");
        team.api().body(List.of(Map.of("contactId", contact))).put("/api/v1/actions/" + action + "/attendance")
                .then().statusCode(200);

        CompletableFuture<Response> edited;
        try (Connection changing = AllTeams.connection(dataSource)) {
            changing.setAutoCommit(false);
            // a level change of hers under way: the contact held FOR UPDATE, as ContactService holds it
            HeldLocks.execute(changing, "select 1 from contact where id = ? for update", contact);
            // her attendance's notes edited meanwhile: the edit holds each listed contact from its first
            // read (ContactService.known: notes are words about her, which an erasure must not miss), so it
            // waits here, before it has touched any attendance row
            edited = CompletableFuture.supplyAsync(() -> team.api()
                    .body(List.of(Map.of("contactId", contact, "notes", "brought her cousin")))
                    .put("/api/v1/actions/" + action + "/attendance"));
            HeldLocks.waitUntilBlocked(dataSource, changing, edited);
            // so the level change's own recomputing of her attendance goes through. Under V28_9 alone the
            // edit had written that row before it waited for her, and the two deadlocked (V28_10)
            HeldLocks.execute(changing, "update attendance set level_at_time = 'cadre' where contact_id = ?", contact);
            changing.commit();
        }
        edited.get(30, TimeUnit.SECONDS).then().statusCode(200);
        assertEquals(List.of("brought her cousin"), AllTeams.rows(dataSource,
                "select notes from attendance where contact_id = ?1", contact));
    }

    @Test
    void aLevelChangeWaitingForAnErasureIsRefusedAndWritesNothing() throws Exception {
        TestTeam team = TestTeam.create();
        String contact = ContactsTest.contact(team, "Mother Jones");
        CompletableFuture<Response> changed;
        try (Connection erasing = AllTeams.connection(dataSource)) {
            erasing.setAutoCommit(false);
            // the erasure's first statement (ContactService.erase), held open while a level change comes in
            HeldLocks.execute(erasing, """
                    update contact set full_name = null, phone = null, email = null, notes = null, tags = '{}',
                        do_not_contact = true, erased_at = now(), updated_at = now(), version = version + 1
                    where id = ?""", contact);
            changed = CompletableFuture.supplyAsync(() -> team.api()
                    .body(Map.of("level", "cadre", "reason", "told me she will lead the walkout"))
                    .post("/api/v1/contacts/" + contact + "/level"));
            HeldLocks.waitUntilBlocked(dataSource, erasing, changed);
            erasing.commit();
        }
        // no history written on the tombstone: the contact is gone for this request too, and said so
        changed.get(30, TimeUnit.SECONDS).then().statusCode(410);
        assertEquals(List.of("new"), AllTeams.rows(dataSource,
                "select to_level from level_change where contact_id = ?1", contact));
    }

    @Test
    void aWriteRolledBackToBreakADeadlockIsAConflictToRetryNotAServerError() throws Exception {
        TestTeam team = TestTeam.create();
        String contact = ContactsTest.contact(team, "Lucy Parsons");
        Response created = team.api().body(Map.of("contactId", contact, "durationMinutes", 20, "channel", "phone"))
                .post("/api/v1/conversations");
        String conversation = created.then().statusCode(201).extract().path("id");
        String etag = created.header("ETag");

        CompletableFuture<Response> moved;
        try (Connection other = AllTeams.connection(dataSource)) {
            other.setAutoCommit(false);
            HeldLocks.execute(other, "select 1 from contact where id = ? for update", contact);
            // moving the conversation in time locks its row, then its trigger waits for the contact (V28_10)
            moved = CompletableFuture.supplyAsync(() -> team.api().header("If-Match", etag)
                    .body(Map.of("occurredAt", "2026-05-01T10:00:00Z"))
                    .patch("/api/v1/conversations/" + conversation));
            HeldLocks.waitUntilBlocked(dataSource, other, moved);
            // and this transaction then wants the row the request holds: PostgreSQL rolls one back
            HeldLocks.execute(other, "update conversation set duration_minutes = 25 where id = ?", conversation);
            other.commit();
        }
        moved.get(30, TimeUnit.SECONDS).then().statusCode(409).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("retry"));
        assertEquals(List.of("25"), AllTeams.rows(dataSource,
                "select duration_minutes from conversation where id = ?1", conversation));
    }

    /** Lucy, added as new, became cadre a moment later: the change a test deletes. */
    private static String cadreSinceHerFirstDay(TestTeam team, String contact) {
        Instant created = Instant.parse(team.api().get("/api/v1/contacts/" + contact).then().extract().path("createdAt"));
        return team.api().body(Map.of("level", "cadre", "changedAt", created.plusMillis(1).toString()))
                .post("/api/v1/contacts/" + contact + "/level").then().statusCode(201).extract().path("id");
    }
}
