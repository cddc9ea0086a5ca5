package org.groundwork.contact;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.groundwork.support.AllTeams;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

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
            update(deleting, "select 1 from contact where id = ? for update", contact);
            update(deleting, "delete from level_change where id = ?", cadre);
            update(deleting, "update contact set engagement_level = 'new' where id = ?", contact);
            logged = CompletableFuture.supplyAsync(() -> team.api().body(Map.of("contactId", contact,
                    "durationMinutes", 20, "channel", "phone")).post("/api/v1/conversations"));
            waitForTheLock(deleting, logged);
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
            update(logging, "select 1 from contact where id = ? for key share", contact);
            deleted = CompletableFuture.supplyAsync(() ->
                    team.api().delete("/api/v1/contacts/" + contact + "/level-changes/" + cadre));
            waitForTheLock(logging, deleted);
            assertFalse(deleted.isDone(), "the delete waits for the conversation reading the level");
            logging.commit();
        }
        deleted.get(30, TimeUnit.SECONDS).then().statusCode(204);
        team.api().get("/api/v1/contacts/" + contact).then().body("engagementLevel", org.hamcrest.Matchers.is("new"));
    }

    @Test
    void editingAnAttendanceDoesNotWaitForALevelChangeOfItsContact() throws Exception {
        TestTeam team = TestTeam.create();
        String contact = ContactsTest.contact(team, "Lucy Parsons");
        String action = team.api().body(Map.of("title", "Depot picket", "startsAt", "2026-05-01T07:00:00Z",
                "durationMinutes", 60)).post("/api/v1/actions").then().statusCode(201).extract().path("id");
        team.api().body(List.of(Map.of("contactId", contact))).put("/api/v1/actions/" + action + "/attendance")
                .then().statusCode(200);

        try (Connection changing = AllTeams.connection(dataSource)) {
            changing.setAutoCommit(false);
            // a level change of hers under way: the contact held FOR UPDATE, as ContactService holds it
            update(changing, "select 1 from contact where id = ? for update", contact);
            // her attendance's notes edited meanwhile: an update that moves neither contact nor action
            // derives nothing, so it does not wait for the contact (V28_10). Under V28_9 it waited, and the
            // level change's own recomputing of that attendance would then wait for it: a deadlock.
            CompletableFuture<Response> edited = CompletableFuture.supplyAsync(() -> team.api()
                    .body(List.of(Map.of("contactId", contact, "notes", "brought her cousin")))
                    .put("/api/v1/actions/" + action + "/attendance"));
            edited.get(20, TimeUnit.SECONDS).then().statusCode(200);
            changing.rollback();
        }
    }

    @Test
    void aLevelChangeWaitingForAnErasureIsRefusedAndWritesNothing() throws Exception {
        TestTeam team = TestTeam.create();
        String contact = ContactsTest.contact(team, "Mother Jones");
        CompletableFuture<Response> changed;
        try (Connection erasing = AllTeams.connection(dataSource)) {
            erasing.setAutoCommit(false);
            // the erasure's first statement (ContactService.erase), held open while a level change comes in
            update(erasing, """
                    update contact set full_name = null, phone = null, email = null, notes = null, tags = '{}',
                        do_not_contact = true, erased_at = now(), updated_at = now(), version = version + 1
                    where id = ?""", contact);
            changed = CompletableFuture.supplyAsync(() -> team.api()
                    .body(Map.of("level", "cadre", "reason", "told me she will lead the walkout"))
                    .post("/api/v1/contacts/" + contact + "/level"));
            waitForTheLock(erasing, changed);
            erasing.commit();
        }
        // no history written on the tombstone: the contact is gone for this request too
        changed.get(30, TimeUnit.SECONDS).then().statusCode(404);
        assertEquals(List.of("new"), AllTeams.rows(dataSource,
                "select to_level from level_change where contact_id = ?1", contact));
    }

    /** Lucy, added as new, became cadre a moment later: the change a test deletes. */
    private static String cadreSinceHerFirstDay(TestTeam team, String contact) {
        Instant created = Instant.parse(team.api().get("/api/v1/contacts/" + contact).then().extract().path("createdAt"));
        return team.api().body(Map.of("level", "cadre", "changedAt", created.plusMillis(1).toString()))
                .post("/api/v1/contacts/" + contact + "/level").then().statusCode(201).extract().path("id");
    }

    /**
     * Until the request waits for a lock the holder's transaction has (so the order is the one the
     * test means, however slow the machine), or is answered without waiting: a build without the lock
     * the test is about goes straight through, and the test's assertion then fails on what it wrote.
     */
    private void waitForTheLock(Connection holder, CompletableFuture<Response> request) throws Exception {
        int holderPid;
        try (PreparedStatement ps = holder.prepareStatement("select pg_backend_pid()");
             ResultSet r = ps.executeQuery()) {
            r.next();
            holderPid = r.getInt(1);
        }
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        try (Connection watching = AllTeams.connection(dataSource);
             PreparedStatement waiting = watching.prepareStatement(
                     "select count(*) from pg_stat_activity where ? = any(pg_blocking_pids(pid))")) {
            waiting.setInt(1, holderPid);
            while (!request.isDone()) {
                try (ResultSet r = waiting.executeQuery()) {
                    r.next();
                    if (r.getInt(1) > 0) {
                        return;
                    }
                }
                if (System.nanoTime() > until) {
                    fail("the request neither waited for the lock nor was answered in 20 s");
                }
                Thread.sleep(10);
            }
        }
    }

    private static void update(Connection c, String sql, String id) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, UUID.fromString(id));
            ps.execute();
        }
    }
}
