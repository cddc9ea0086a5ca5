package org.groundwork.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.groundwork.support.AllTeams;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The browser walk's "Back and submit again logs a conversation twice": the create forms carry a
 * one-time key (Form.once), kept in the form page's address so Back draws the same one, and claimed
 * with the write through the API's Idempotency-Key mechanism. Sent again it answers as the first
 * time and says so; the key is the organizer's own; a bad one is a 400 page with the typing kept.
 */
@QuarkusTest
class OneTimeKeyPagesTest {

    private static final Pattern KEY = Pattern.compile("name=\"" + Form.KEY + "\" value=\"([^\"]*)\"");

    @Inject
    DataSource dataSource;

    static String keyIn(String html) {
        Matcher m = KEY.matcher(html);
        assertTrue(m.find(), "the form carries a one-time key:\n" + html);
        return m.group(1);
    }

    /** The log form as a browser posts it, next step included. */
    static RequestSpecification logForm(Session s, String contact, String key, String summary) {
        return s.form().formParam("contactId", contact).formParam(Form.KEY, key)
                .formParam("occurredAt", "2026-05-01T18:00").formParam("durationMinutes", "20")
                .formParam("channel", "house-visit").formParam("summary", summary)
                .formParam("nextStepDueOn", LocalDate.now().plusDays(3).toString())
                .formParam("nextStepPurpose", "Bring the petition");
    }

    static int conversations(TestTeam team, String contact) {
        return team.api().get("/api/v1/conversations?limit=200&contact=" + contact).then().statusCode(200)
                .extract().jsonPath().getList("items").size();
    }

    static int followUps(TestTeam team, String contact) {
        return team.api().get("/api/v1/followups?contact=" + contact).then().statusCode(200)
                .extract().jsonPath().getList("items").size();
    }

    @Test
    void backAndSubmitAgainLogsTheConversationOnceAndSaysSo() {
        TestTeam team = TestTeam.create();
        String contact = PagesBrowserTest.contact(team, Map.of("fullName", "Lucy Parsons"));
        Session s = Session.logIn(team);

        // the form's page is drawn at an address holding a new key; drawn again there (Back), the same key
        Response opened = s.request().get("/conversations/new?contact=" + contact);
        opened.then().statusCode(303)
                .header("Location", containsString("/conversations/new?contact=" + contact + "&" + Form.KEY + "="));
        String address = opened.header("Location");
        String key = keyIn(s.open(address));
        assertTrue(address.endsWith(Form.KEY + "=" + key), address);
        assertEquals(key, keyIn(s.open(address)), "Back draws the form with the same key");
        assertNotEquals(key, keyIn(s.open("/conversations/new?contact=" + contact)), "a new form, a new key");
        // "when" starts at the time the key was made, not at each drawing: Back an hour later draws the
        // same time, so the form sent again is the same form (a key made two hours ago, as a page would)
        long twoHoursAgo = System.currentTimeMillis() - 2 * 3600_000L;
        String oldKey = new java.util.UUID((twoHoursAgo << 16) | (0x7L << 12) | 1, 0x8000000000000001L).toString();
        String drawn = s.open("/conversations/new?contact=" + contact + "&" + Form.KEY + "=" + oldKey);
        String expected = java.time.LocalDateTime.ofInstant(java.time.Instant.ofEpochMilli(twoHoursAgo), java.time.ZoneOffset.UTC)
                .truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString();
        assertTrue(drawn.contains("value=\"" + expected + "\""), "when is the key's time, " + expected);

        logForm(s, contact, key, "Talked about the rent strike").post("/conversations").then().statusCode(303)
                .header("Location", endsWith("/contacts/" + contact + "?saved=conversation#timeline"));
        // Back, then submit again: answered as the first time, with a word that it was saved already
        logForm(s, contact, key, "Talked about the rent strike").post("/conversations").then().statusCode(303)
                .header("Location", endsWith("/contacts/" + contact + "?saved=already"));
        s.request().get("/contacts/" + contact + "?saved=already").then().statusCode(200)
                .body(containsString("This was saved already")).body(containsString("Talked about the rent strike"));
        s.request().get("/contacts/" + contact).then().statusCode(200).body(not(containsString("This was saved already")));
        assertEquals(1, conversations(team, contact));
        assertEquals(1, followUps(team, contact), "its next step opened one follow-up");

        // the same key with other words (Back, then a change): the form again, the typing kept, a new key
        Response changed = logForm(s, contact, key, "Talked about the heating too").post("/conversations");
        changed.then().statusCode(409).body(containsString("This form was saved already"))
                .body(containsString("Talked about the heating too"))
                // what was saved is linked, to correct it there rather than save a second record (the walk), without
                // the saved=… mark that would say it was just saved
                .body(containsString("open it: <a href=\"/contacts/" + contact + "#timeline\">what was saved</a>"));
        String again = keyIn(changed.asString());
        assertTrue(Form.isKey(again) && !again.equals(key), again);
        assertEquals(1, conversations(team, contact));
        // saving that form is a choice the organizer made: it logs the second conversation
        logForm(s, contact, again, "Talked about the heating too").post("/conversations").then().statusCode(303)
                .header("Location", endsWith("/contacts/" + contact + "?saved=conversation#timeline"));
        assertEquals(2, conversations(team, contact));

        // one mechanism: the page's answer is kept where the API keeps its Idempotency-Key answers
        assertEquals(List.of("303 | /contacts/" + contact + "?saved=conversation#timeline"), AllTeams.rows(dataSource,
                "select status, location from idempotency_key where team_id = ?1 and organizer_id = ?2 and key = ?3::text",
                team.teamId, team.adminId, key));
    }

    @Test
    void theNoticeIsSaidInTheOrganizersLanguage() {
        TestTeam team = TestTeam.create();
        String contact = PagesBrowserTest.contact(team, Map.of("fullName", "Lucía Sánchez"));
        Session s = Session.logIn(team);
        s.open("/settings");
        s.form().formParam("language", "es").post("/settings/language").then().statusCode(303);
        String key = keyIn(s.open("/conversations/new?contact=" + contact));
        logForm(s, contact, key, "Hablamos del alquiler").post("/conversations").then().statusCode(303);
        String next = logForm(s, contact, key, "Hablamos del alquiler").post("/conversations").then().statusCode(303)
                .extract().header("Location");
        s.request().get(next).then().statusCode(200).body(containsString("Esto ya estaba guardado"))
                .body(not(containsString("This was saved already")));
        logForm(s, contact, key, "Hablamos de la calefacción").post("/conversations").then().statusCode(409)
                .body(containsString("Este formulario ya se guardó"));
    }

    @Test
    void aDoubleClickLogsOneConversation() throws Exception {
        TestTeam team = TestTeam.create();
        String contact = PagesBrowserTest.contact(team, Map.of("fullName", "Picket Line"));
        Session s = Session.logIn(team);
        String key = keyIn(s.open("/conversations/new?contact=" + contact));
        ExecutorService pool = Executors.newFixedThreadPool(5);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                answers.add(pool.submit((Callable<Response>) () -> {
                    start.await();
                    return logForm(s, contact, key, "Bad signal").post("/conversations");
                }));
            }
            start.countDown();
            int first = 0;
            for (Future<Response> f : answers) {
                Response r = f.get();
                assertEquals(303, r.statusCode(), r.asString());
                first += r.header("Location").endsWith("#timeline") ? 1 : 0;
            }
            assertEquals(1, first, "one submit saved; the others waited for it and were told");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, conversations(team, contact));
        assertEquals(1, followUps(team, contact));
    }

    @Test
    void addingAPersonAndCreatingAnActionAreSavedOncePerForm() {
        TestTeam team = TestTeam.create();
        Session s = Session.logIn(team);
        String key = keyIn(s.open("/contacts/new"));
        String id = added(s, key, "Ella Baker");
        // sent again: answered as the first time, not asked whether the person it added is someone known
        addPerson(s, key, "Ella Baker").then().statusCode(303)
                .header("Location", endsWith("/contacts/" + id + "?saved=already"));
        assertEquals(1, team.api().get("/api/v1/contacts?q=Ella").then().extract().jsonPath().getList("items").size());
        // a new form with the same phone still asks; the question claims nothing, so "someone else" then adds them
        String second = keyIn(s.open("/contacts/new"));
        s.form().formParam(Form.KEY, second).formParam("fullName", "Ella Baker").formParam("phone", "718 555 0199")
                .formParam("engagementLevel", "new").formParam("position", "base").post("/contacts")
                .then().statusCode(200).body(containsString("id=\"same-person\""))
                .body(containsString("name=\"" + Form.KEY + "\" value=\"" + second + "\""));
        s.form().formParam(Form.KEY, second).formParam("someoneElse", "true").formParam("fullName", "Ella Baker")
                .formParam("phone", "718 555 0199").formParam("engagementLevel", "new").formParam("position", "base")
                .post("/contacts").then().statusCode(303).header("Location", not(containsString("saved=already")));
        assertEquals(2, team.api().get("/api/v1/contacts?q=Ella").then().extract().jsonPath().getList("items").size());

        // the new-action form, on the actions page
        s.request().get("/actions").then().statusCode(303).header("Location", containsString("/actions?" + Form.KEY + "="));
        String action = keyIn(s.open("/actions"));
        for (int i = 0; i < 2; i++) {
            s.form().formParam(Form.KEY, action).formParam("title", "May Day picket").formParam("kind", "picket")
                    .formParam("startsAt", "2026-05-01T07:00").formParam("durationMinutes", "60").post("/actions")
                    .then().statusCode(303).header("Location", i == 0 ? not(containsString("saved=already"))
                            : containsString("?saved=already"));
        }
        assertEquals(1, team.api().get("/api/v1/actions").then().extract().jsonPath().getList("items").size());
    }

    /** The id of the person the add-a-person form added, sent for the first time with this key. */
    private static String added(Session s, String key, String name) {
        return addPerson(s, key, name).then().statusCode(303).extract().header("Location").replaceAll(".*/contacts/", "").replaceAll("[?#].*", "");
    }

    /** The add-a-person form sent with this key, a name and the phone 718 555 0199. */
    private static Response addPerson(Session s, String key, String name) {
        return s.form().formParam(Form.KEY, key).formParam("fullName", name).formParam("phone", "718 555 0199")
                .formParam("engagementLevel", "new").formParam("position", "base").post("/contacts");
    }

    /**
     * The answer a form's key kept is emptied when the person it named is erased (IdempotencyKeys.forget).
     * The same form sent again was then said as "saved already, save it again to save this as well": one
     * more click wrote the erased person anew.
     */
    @Test
    void aFormSentAgainAfterItsPersonWasErasedSaysSoAndSavesNothing() {
        TestTeam team = TestTeam.create();
        Session s = Session.logIn(team);
        String key = keyIn(s.open("/contacts/new"));
        String id = added(s, key, "Erased Ella");
        team.api().delete("/api/v1/contacts/" + id).then().statusCode(204);
        String page = addPerson(s, key, "Erased Ella").then().statusCode(410).extract().asString();
        assertTrue(page.contains("What this form saved was erased since, with the person it named"), page);
        assertTrue(page.contains("value=\"Erased Ella\""), "what was typed comes back: " + page);
        assertEquals(0, team.api().get("/api/v1/contacts?q=Erased").then().extract().jsonPath().getList("items").size());
    }

    @Test
    void aKeyIsTheOrganizersOwn() {
        TestTeam team = TestTeam.create();
        String contact = PagesBrowserTest.contact(team, Map.of("fullName", "Lucy Parsons"));
        Session ana = Session.logIn(team);
        String key = keyIn(ana.open("/conversations/new?contact=" + contact));
        logForm(ana, contact, key, "Ana's talk").post("/conversations").then().statusCode(303)
                .header("Location", endsWith("#timeline"));

        // another organizer of the team sending the same key: their own conversation, not told of Ana's
        TestTeam.Member ben = team.member("organizer");
        Session benSession = Session.logIn(ben.email());
        benSession.open("/conversations/new?contact=" + contact);
        logForm(benSession, contact, key, "Ana's talk").post("/conversations").then().statusCode(303)
                .header("Location", endsWith("/contacts/" + contact + "?saved=conversation#timeline"));
        assertEquals(2, conversations(team, contact));

        // another team's organizer: the same, in their team
        TestTeam other = TestTeam.create();
        String theirs = PagesBrowserTest.contact(other, Map.of("fullName", "Someone Else"));
        Session stranger = Session.logIn(other);
        stranger.open("/conversations/new?contact=" + theirs);
        logForm(stranger, theirs, key, "Ana's talk").post("/conversations").then().statusCode(303)
                .header("Location", endsWith("/contacts/" + theirs + "?saved=conversation#timeline"));
        assertEquals(1, conversations(other, theirs));

        // and Ana's key is still Ana's
        logForm(ana, contact, key, "Ana's talk").post("/conversations").then().statusCode(303)
                .header("Location", endsWith("?saved=already"));
        assertEquals(2, conversations(team, contact));
    }

    @Test
    void aBadKeyIsA400PageWithWhatWasTyped() {
        TestTeam team = TestTeam.create();
        String contact = PagesBrowserTest.contact(team, Map.of("fullName", "Lucy Parsons"));
        Session s = Session.logIn(team);
        s.open("/conversations/new?contact=" + contact);
        String fresh = null;
        for (String bad : List.of("a\u0000b", "k".repeat(100_000), "not-a-key", "", "'><script>x</script>",
                s.key.toUpperCase(), s.key + " ")) {
            Response page = logForm(s, contact, bad, "Words kept after a bad key").post("/conversations");
            page.then().statusCode(400).contentType(containsString("text/html"))
                    .body(containsString("could not be checked against being saved twice"))
                    .body(containsString("Words kept after a bad key"))
                    .body(containsString("Bring the petition"))
                    .body(not(containsString("<script>x")));
            fresh = keyIn(page.asString());
            assertTrue(Form.isKey(fresh), "the form comes back with a good key: " + fresh);
        }
        assertEquals(0, conversations(team, contact));
        logForm(s, contact, fresh, "Words kept after a bad key").post("/conversations").then().statusCode(303);
        assertEquals(1, conversations(team, contact));

        // the other create forms the same way
        s.open("/contacts/new");
        s.form().formParam(Form.KEY, "garbage").formParam("fullName", "Typed Name").formParam("engagementLevel", "new")
                .formParam("position", "base").post("/contacts")
                .then().statusCode(400).body(containsString("value=\"Typed Name\""))
                .body(containsString("could not be checked against being saved twice"));
        s.open("/actions");
        s.form().formParam(Form.KEY, "a\u0000b").formParam("title", "Typed Title").formParam("kind", "picket")
                .formParam("startsAt", "2026-05-01T07:00").formParam("durationMinutes", "60").post("/actions")
                .then().statusCode(400).body(containsString("value=\"Typed Title\""));
        assertEquals(1, team.api().get("/api/v1/contacts").then().extract().jsonPath().getList("items").size());
        assertEquals(0, team.api().get("/api/v1/actions").then().extract().jsonPath().getList("items").size());

        // an address with a bad key draws the form at a new one
        Response moved = s.request().get("/conversations/new?contact=" + contact + "&" + Form.KEY + "=garbage");
        moved.then().statusCode(303).header("Location", not(containsString("garbage")));
        assertTrue(Form.isKey(moved.header("Location").replaceAll(".*" + Form.KEY + "=", "")), moved.header("Location"));
    }
}
