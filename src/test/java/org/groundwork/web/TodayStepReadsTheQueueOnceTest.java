package org.groundwork.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.groundwork.support.SqlSeen;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A step on Today's queue (Done, Drop, Reschedule) reads the queue once: for the page drawn after it.
 * The follow-up to go on with comes with the step's form (field {@code next}, as the page drew the
 * queue); the step read the whole queue before its change only to find it, and the page after read
 * it again. What the page shows is unchanged: "Done: Ana Pérez", the focus on Ben's name.
 */
@QuarkusTest
class TodayStepReadsTheQueueOnceTest {

    /** The queue's statement (FollowUpService.openFollowUps): once per reading of the queue. */
    private static long queueReads(List<String> sql) {
        return sql.stream().filter(s -> s.contains("from follow_up f join contact c on c.id = f.contact_id")).count();
    }

    /** The value of the {@code next} field in the form that posts to {@code action}. */
    private static String nextIn(String page, String action) {
        Matcher m = Pattern.compile("action=\"" + Pattern.quote(action) + "\"[^>]*>(?:(?!</form>).)*?name=\"next\" value=\"([^\"]*)\"",
                Pattern.DOTALL).matcher(page);
        assertTrue(m.find(), action + " carries next");
        return m.group(1);
    }

    /** Posts the step as the page's form does and opens the page it leads to: the statements of both. */
    private static List<String> step(Session s, String path, String next, StringBuilder pageAfter, String... more) {
        return SqlSeen.during(() -> {
            var post = s.form().formParam("next", next);
            for (int i = 0; i < more.length; i += 2) {
                post.formParam(more[i], more[i + 1]);
            }
            Response r = post.post(path);
            r.then().statusCode(303);
            String to = r.header("Location");
            to = to.substring(to.indexOf("/?"));
            pageAfter.append(to).append('\n').append(s.open(to));
        });
    }

    @Test
    void eachStepReadsTheQueueOnceAndGoesOnWithTheNextAsDrawn() {
        TestTeam team = TestTeam.create();
        List<String> f = DailyFormsBrowserTest.threeUpcoming(team);
        Session s = Session.logIn(team);
        String today = s.open("/");
        // each item's forms carry the one after it; the last one's the one before it
        assertEquals(f.get(1), nextIn(today, "/followups/" + f.get(0) + "/done"));
        assertEquals(f.get(1), nextIn(today, "/followups/" + f.get(0) + "/reschedule"));
        assertEquals(f.get(2), nextIn(today, "/followups/" + f.get(1) + "/done"));
        assertEquals(f.get(1), nextIn(today, "/followups/" + f.get(2) + "/done"));

        // Done on Ana: one reading of the queue; the page says it and Ben's name has the focus
        StringBuilder after = new StringBuilder();
        List<String> sql = step(s, "/followups/" + f.get(0) + "/done", nextIn(today, "/followups/" + f.get(0) + "/done"), after);
        assertEquals(1, queueReads(sql), "the queue read once: " + sql);
        assertTrue(after.toString().startsWith("/?did=done&item=" + f.get(0) + "&next=" + f.get(1)), after.toString());
        assertTrue(after.toString().contains("Done: Ana Pérez"), "done is said");
        assertTrue(after.toString().matches("(?s).*<a href=\"/contacts/[0-9a-f-]{36}\" autofocus>Ben Okafor</a>.*"),
                "Ben's name has the focus");

        // Drop, from its question, on Ben: the question's Drop carries Cy
        String asked = s.open("/followups/" + f.get(1) + "/drop");
        after.setLength(0);
        sql = step(s, "/followups/" + f.get(1) + "/drop", nextIn(asked, "/followups/" + f.get(1) + "/drop"), after);
        assertEquals(1, queueReads(sql), "the queue read once: " + sql);
        assertTrue(after.toString().contains("Dropped: Ben Okafor"), "dropped is said");
        assertTrue(after.toString().matches("(?s).*<a href=\"/contacts/[0-9a-f-]{36}\" autofocus>Cy Young</a>.*"),
                "Cy's name has the focus");

        // Cy is the only one left: nothing to go on with, the message takes the focus
        String last = s.open("/");
        assertEquals("", nextIn(last, "/followups/" + f.get(2) + "/reschedule"));
        after.setLength(0);
        String later = java.time.LocalDate.now(java.time.ZoneId.of("UTC")).plusDays(20).toString();
        sql = step(s, "/followups/" + f.get(2) + "/reschedule", "", after, "dueOn", later);
        assertEquals(1, queueReads(sql), "the queue read once: " + sql);
        assertTrue(after.toString().startsWith("/?did=rescheduled&item=" + f.get(2) + "\n"), after.toString());
        assertTrue(after.toString().matches("(?s).*tabindex=\"-1\" autofocus>Rescheduled to [^<]*: Cy Young<.*"), after.toString());
    }

    /**
     * The page the step was taken on may be old: the follow-up it names to go on with has left the
     * queue meanwhile (another phone). The message takes the focus then, not nothing.
     */
    @Test
    void aNextThatLeftTheQueueMeanwhileGivesTheFocusToTheMessage() {
        TestTeam team = TestTeam.create();
        List<String> f = DailyFormsBrowserTest.threeUpcoming(team);
        Session s = Session.onPage(team, "/");
        team.api().body(java.util.Map.of("status", "done")).patch("/api/v1/followups/" + f.get(1)).then().statusCode(200);
        StringBuilder after = new StringBuilder();
        step(s, "/followups/" + f.get(0) + "/done", f.get(1), after);
        assertTrue(after.toString().contains("tabindex=\"-1\" autofocus>Done: Ana Pérez"), after.toString());
        assertTrue(!after.toString().matches("(?s).*<a href=\"/contacts/[0-9a-f-]{36}\" autofocus>.*"), "no name has the focus");
    }
}
