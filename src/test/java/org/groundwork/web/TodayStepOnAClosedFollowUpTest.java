package org.groundwork.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * A step on Today (Done, Drop, Reschedule) taken from a page drawn before someone else closed that
 * follow-up (another phone, a colleague who logged the conversation) changes nothing and says so.
 * It had turned a follow-up marked done into a dropped one (and a dropped one into done), and moved
 * a closed one's date, each answered as if the step had been taken on an open one.
 */
@QuarkusTest
class TodayStepOnAClosedFollowUpTest {

    private static void close(TestTeam team, String followUp, String status) {
        team.api().body(Map.of("status", status)).patch("/api/v1/followups/" + followUp).then().statusCode(200);
    }

    @Test
    void aStepOnAFollowUpClosedMeanwhileChangesNothingAndSaysSo() {
        TestTeam team = TestTeam.create();
        String contact = PageFormsTest.contact(team, "Dolores Huerta");
        String done = PageFormsTest.followUp(team, contact, "2020-01-01", "One");
        String dropped = PageFormsTest.followUp(team, contact, "2020-01-01", "Two");
        String closed = PageFormsTest.followUp(team, contact, "2020-01-01", "Three");
        Session s = Session.onPage(team, "/");
        // the other phone closes them after this page was drawn
        close(team, done, "done");
        close(team, dropped, "dropped");
        close(team, closed, "done");

        Response drop = s.form().formParam("next", "").post("/followups/" + done + "/drop");
        drop.then().statusCode(409).body(containsString("That follow-up was closed (done or dropped) since this page was drawn; nothing was changed"));
        team.api().get("/api/v1/followups/" + done).then().body("status", equalTo("done"));

        s.form().formParam("next", "").post("/followups/" + dropped + "/done")
                .then().statusCode(409).body(containsString("was closed (done or dropped)"));
        team.api().get("/api/v1/followups/" + dropped).then().body("status", equalTo("dropped"));

        s.form().formParam("next", "").formParam("dueOn", "2031-03-04").post("/followups/" + closed + "/reschedule")
                .then().statusCode(409).body(containsString("was closed (done or dropped)"));
        team.api().get("/api/v1/followups/" + closed).then().body("status", equalTo("done"))
                .body("dueOn", equalTo("2020-01-01"));

        // the same step twice (a double tap) stays harmless: it is already so
        s.form().formParam("next", "").post("/followups/" + done + "/done").then().statusCode(303);
        s.form().formParam("next", "").post("/followups/" + dropped + "/drop").then().statusCode(303);

        // said in the organizer's language
        s.form().formParam("language", "es").post("/settings/language").then().statusCode(303);
        s.open("/");
        s.form().formParam("next", "").post("/followups/" + done + "/drop")
                .then().statusCode(409).body(containsString("Ese seguimiento se cerró (hecho o descartado)"));
        team.api().get("/api/v1/followups/" + done).then().body("status", equalTo("done"));
    }

    /** The probe: a follow-up dropped by its person's erasure was said to be closed by someone's step. */
    @Test
    void aStepOnAFollowUpWhosePersonWasErasedMeanwhileSaysTheErasure() {
        TestTeam team = TestTeam.create();
        String contact = PageFormsTest.contact(team, "Erased From Today");
        String followUp = PageFormsTest.followUp(team, contact, "2020-01-01", "Call back");
        Session s = Session.onPage(team, "/");
        team.api().delete("/api/v1/contacts/" + contact).then().statusCode(204);
        s.form().formParam("next", "").post("/followups/" + followUp + "/done")
                .then().statusCode(409).body(containsString("This person was erased since the page was drawn"));
        s.form().formParam("next", "").formParam("dueOn", "2031-03-04").post("/followups/" + followUp + "/reschedule")
                .then().statusCode(409).body(containsString("This person was erased since the page was drawn"));
        // a Drop found it "dropped already" and said nothing (the review)
        s.form().formParam("next", "").post("/followups/" + followUp + "/drop")
                .then().statusCode(409).body(containsString("This person was erased since the page was drawn"));
        team.api().get("/api/v1/followups/" + followUp).then().body("status", equalTo("dropped"))
                .body("dueOn", equalTo("2020-01-01"));
    }

    /**
     * A walk: a stale tab's Reschedule replaced the date a colleague had set since, without a word. The page sends
     * the date it showed; a date changed since is said beside the box, what was typed kept, and sent again it is saved.
     */
    @Test
    void aRescheduleFromAPageDrawnBeforeTheDateWasChangedSaysSo() {
        TestTeam team = TestTeam.create();
        String contact = PageFormsTest.contact(team, "Ella Baker");
        String followUp = PageFormsTest.followUp(team, contact, "2031-01-10", "Ask about the hearing");
        Session s = Session.onPage(team, "/");
        String today = s.open("/");
        org.junit.jupiter.api.Assertions.assertTrue(today.contains("name=\"dueSeen\" value=\"2031-01-10\""), today);
        // a colleague moves it after the page was drawn
        team.api().body(Map.of("dueOn", "2031-01-20")).patch("/api/v1/followups/" + followUp).then().statusCode(200);

        s.form().formParam("next", "").formParam("dueSeen", "2031-01-10").formParam("dueOn", "2031-01-11")
                .post("/followups/" + followUp + "/reschedule").then().statusCode(409)
                .body(containsString("Its date was changed to Mon 20 Jan 2031 since this page was drawn"))
                .body(containsString("value=\"2031-01-11\" aria-invalid=\"true\""))
                .body(containsString("name=\"dueSeen\" value=\"2031-01-20\""));
        team.api().get("/api/v1/followups/" + followUp).then().body("dueOn", equalTo("2031-01-20"));
        // sent again from the date now: saved
        s.form().formParam("next", "").formParam("dueSeen", "2031-01-20").formParam("dueOn", "2031-01-11")
                .post("/followups/" + followUp + "/reschedule").then().statusCode(303);
        team.api().get("/api/v1/followups/" + followUp).then().body("dueOn", equalTo("2031-01-11"));
        // the same date asked for as a colleague set it meanwhile: it is so, no refusal
        team.api().body(Map.of("dueOn", "2031-01-12")).patch("/api/v1/followups/" + followUp).then().statusCode(200);
        s.form().formParam("next", "").formParam("dueSeen", "2031-01-11").formParam("dueOn", "2031-01-12")
                .post("/followups/" + followUp + "/reschedule").then().statusCode(303);
    }

    /** A walk: of a double tap's two Dones sent at once, the second was often said as "Someone changed this". */
    @Test
    void twoDonesSentAtOnceAreBothAnsweredAsDone() throws Exception {
        TestTeam team = TestTeam.create();
        String contact = PageFormsTest.contact(team, "Fannie Lou Hamer");
        Session s = Session.onPage(team, "/");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 5; i++) {
                String followUp = PageFormsTest.followUp(team, contact, "2031-01-10", "Call " + i);
                java.util.concurrent.Callable<Integer> done = () -> s.form().formParam("next", "")
                        .post("/followups/" + followUp + "/done").statusCode();
                var first = pool.submit(done);
                var second = pool.submit(done);
                org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(303, 303),
                        java.util.List.of(first.get(), second.get()), "two Dones on " + followUp);
                team.api().get("/api/v1/followups/" + followUp).then().body("status", equalTo("done"));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
