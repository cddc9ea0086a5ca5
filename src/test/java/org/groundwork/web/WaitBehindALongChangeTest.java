package org.groundwork.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.groundwork.platform.LongChanges;
import org.groundwork.platform.ProblemMapper;
import org.groundwork.support.AllTeams;
import org.groundwork.support.HeldLocks;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A request that waits for rows a long change holds (a large merge moving people, for minutes) waits a few seconds
 * (TeamScope.REQUEST_LOCK_WAIT) and is then a 409 in words, with the page's form as typed. It waited up to its own
 * 60 s, holding one of the pool's 20 connections all along, and twenty such requests left the whole instance without
 * a connection (session 48's third review). The long change's side is held open here on a connection of the test's
 * own, as the merge's `update contact set organization_id` holds its people's rows.
 */
@QuarkusTest
class WaitBehindALongChangeTest {

    @Inject
    DataSource dataSource;

    @Test
    void aRequestWaitingForRowsALongChangeHoldsIsRefusedAfterAFewSeconds() throws Exception {
        TestTeam team = TestTeam.create();
        String contact = PagesBrowserTest.contact(team, Map.of("fullName", "Moved Meanwhile"));
        Session s = Session.logIn(team);
        s.open("/conversations/new?contact=" + contact);
        String key = java.util.UUID.randomUUID().toString();
        List<Timed> waited;
        try (Connection merging = AllTeams.connection(dataSource)) {
            merging.setAutoCommit(false);
            HeldLocks.execute(merging, "select 1 from contact where id = ? for update", contact);
            waited = List.of(
                    Timed.send(() -> team.api().body(Map.of("contactId", contact, "durationMinutes", 20, "channel", "phone"))
                            .post("/api/v1/conversations")),
                    Timed.send(() -> team.api().body(Map.of("phone", "555-0199")).patch("/api/v1/contacts/" + contact)),
                    // keyed: its claim waits for a repeat's first request as long as that runs, its write no longer
                    Timed.send(() -> team.api().header("Idempotency-Key", key)
                            .body(Map.of("contactId", contact, "durationMinutes", 30, "channel", "in-person"))
                            .post("/api/v1/conversations")),
                    Timed.send(() -> s.form().formParam(Form.KEY, s.key).formParam("contactId", contact).formParam("durationMinutes", "25")
                            .formParam("channel", "phone").formParam("summary", "Talked about the move")
                            .post("/conversations")));
            HeldLocks.waitUntilBlocked(dataSource, merging,
                    waited.stream().map(t -> t.answer).toArray(CompletableFuture[]::new));
            for (Timed t : waited) {
                t.answer.get(30, TimeUnit.SECONDS); // answered while the rows are still held
            }
            // the rest of the instance answers meanwhile
            team.api().get("/api/v1/me").then().statusCode(200);
            merging.rollback();
        }
        for (Timed t : waited.subList(0, 3)) {
            t.answer.get().then().statusCode(409).contentType("application/problem+json")
                    .body("detail", is(ProblemMapper.RECORDS_BUSY));
        }
        waited.get(3).answer.get().then().statusCode(409).contentType(containsString("text/html"))
                .body(containsString("Someone else is changing these records right now"))
                .body(containsString(">\nTalked about the move</textarea>"));
        for (Timed t : waited) {
            // not at once (a lock it did not wait for) and not its own 60 s; generous for a loaded machine
            assertTrue(t.seconds() >= 4.5 && t.seconds() < 25, "waited " + t.seconds() + " s");
        }

        // nothing of theirs was stored, and each goes through once the long change is over
        team.api().get("/api/v1/conversations").then().body("items", hasSize(0));
        team.api().get("/api/v1/contacts/" + contact).then().body("phone", org.hamcrest.Matchers.nullValue());
        team.api().body(Map.of("contactId", contact, "durationMinutes", 20, "channel", "phone"))
                .post("/api/v1/conversations").then().statusCode(201);
        team.api().body(Map.of("phone", "555-0199")).patch("/api/v1/contacts/" + contact).then().statusCode(200);
        // the refused keyed request kept nothing under its key: sent again, it is written
        team.api().header("Idempotency-Key", key).body(Map.of("contactId", contact, "durationMinutes", 30, "channel", "in-person"))
                .post("/api/v1/conversations").then().statusCode(201);
    }

    /**
     * While a long change of the team is known to be under way (an import or a merge this instance runs, or a wait in
     * vain of one of the team's requests in the last seconds), the team's requests wait one second for a held row,
     * not five: thirty edits waiting five seconds each held the worker threads in waves, and every other team's
     * request queued behind them (a walk). Another team's requests wait as before.
     */
    @Test
    void whileALongChangeOfTheTeamIsUnderWayItsRequestsWaitOneSecond() throws Exception {
        TestTeam team = TestTeam.create();
        TestTeam other = TestTeam.create();
        String mine = PagesBrowserTest.contact(team, Map.of("fullName", "Imported Meanwhile"));
        String theirs = PagesBrowserTest.contact(other, Map.of("fullName", "Held Elsewhere"));
        try (Connection importing = AllTeams.connection(dataSource)) {
            importing.setAutoCommit(false);
            HeldLocks.execute(importing, "select 1 from contact where id = ? for update", mine);
            HeldLocks.execute(importing, "select 1 from contact where id = ? for update", theirs);
            // as ImportJobs and OrganizationService.merge say it, for as long as they run
            try (LongChanges.Underway underway = LongChanges.begin(java.util.UUID.fromString(team.teamId))) {
                Timed edit = Timed.send(() -> team.api().body(Map.of("phone", "555-0101")).patch("/api/v1/contacts/" + mine));
                edit.answer.get(30, TimeUnit.SECONDS).then().statusCode(409).body("detail", is(ProblemMapper.RECORDS_BUSY));
                assertTrue(edit.seconds() >= 0.9 && edit.seconds() < 4, "waited " + edit.seconds() + " s");
            }
            // the other team knows of no long change: its first request waits the usual seconds...
            Timed first = Timed.send(() -> other.api().body(Map.of("phone", "555-0102")).patch("/api/v1/contacts/" + theirs));
            first.answer.get(30, TimeUnit.SECONDS).then().statusCode(409).body("detail", is(ProblemMapper.RECORDS_BUSY));
            assertTrue(first.seconds() >= 4.5 && first.seconds() < 25, "waited " + first.seconds() + " s");
            // ...and that wait in vain is remembered: its next one waits a second
            Timed next = Timed.send(() -> other.api().body(Map.of("phone", "555-0103")).patch("/api/v1/contacts/" + theirs));
            next.answer.get(30, TimeUnit.SECONDS).then().statusCode(409).body("detail", is(ProblemMapper.RECORDS_BUSY));
            assertTrue(next.seconds() >= 0.9 && next.seconds() < 4, "waited " + next.seconds() + " s");
            importing.rollback();
        }
        // nothing was stored, and both go through once the change is over
        team.api().body(Map.of("phone", "555-0101")).patch("/api/v1/contacts/" + mine).then().statusCode(200);
        other.api().body(Map.of("phone", "555-0103")).patch("/api/v1/contacts/" + theirs).then().statusCode(200)
                .body("phone", is("555-0103"));
    }

    /** A request sent on its own thread, with the time it took to be answered. */
    private static final class Timed {
        final long sent = System.nanoTime();
        final CompletableFuture<Response> answer;
        volatile long answered;

        private Timed(Supplier<Response> request) {
            answer = CompletableFuture.supplyAsync(() -> {
                Response r = request.get();
                answered = System.nanoTime();
                return r;
            });
        }

        static Timed send(Supplier<Response> request) {
            return new Timed(request);
        }

        double seconds() {
            return (answered - sent) / 1e9;
        }
    }
}
