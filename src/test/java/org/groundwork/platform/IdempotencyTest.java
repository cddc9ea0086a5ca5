package org.groundwork.platform;

import org.groundwork.support.AllTeams;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Idempotency-Key: a retry answers the first answer and writes nothing. */
@QuarkusTest
class IdempotencyTest {

    @Inject
    EntityManager em;

    static String contact(TestTeam team, String name) {
        return team.api().body(Map.of("fullName", name)).post("/api/v1/contacts").then().statusCode(201)
                .extract().path("id");
    }

    static Response post(String token, String key, String path, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON)
                .header("Idempotency-Key", key).body(body).post(path);
    }

    int conversationsOf(TestTeam team, String contactId) {
        return team.api().get("/api/v1/conversations?limit=200&contact=" + contactId).then().statusCode(200)
                .extract().jsonPath().getList("items").size();
    }

    List<Object[]> storedRows(TestTeam team) {
        return AllTeams.call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                            select key, status, location, etag, body, organizer_id from idempotency_key
                            where team_id = ?1 order by created_at""")
                    .setParameter(1, UUID.fromString(team.teamId)).getResultList();
            return rows;
        });
    }

    @Test
    void tenConcurrentRetriesLogOneConversation() throws Exception {
        TestTeam team = TestTeam.create();
        String contact = contact(team, "Picket Line");
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("contactId", contact, "durationMinutes", 10, "channel", "at-action",
                "summary", "bad signal");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                answers.add(pool.submit((Callable<Response>) () -> {
                    start.await();
                    return post(team.token, key, "/api/v1/conversations", body);
                }));
            }
            start.countDown();
            List<String> ids = new ArrayList<>();
            for (Future<Response> f : answers) {
                Response r = f.get();
                assertEquals(201, r.statusCode(), r.asString());
                ids.add(r.path("id"));
            }
            assertEquals(1, ids.stream().distinct().count(), "every retry answers the same conversation: " + ids);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, conversationsOf(team, contact));
    }

    @Test
    void aRetryAfterSuccessAnswersTheFirstAnswerAndWritesNothing() {
        TestTeam team = TestTeam.create();
        String contact = contact(team, "Retry Person");
        String action = team.api().body(Map.of("title", "Rally", "startsAt", Instant.now().toString(), "durationMinutes", 60))
                .post("/api/v1/actions").then().statusCode(201).extract().path("id");
        String dueOn = LocalDate.now().plusDays(2).toString();
        record Call(String method, String path, Object body) {
        }
        List<Call> calls = List.of(
                new Call("POST", "/api/v1/conversations", Map.of("contactId", contact, "durationMinutes", 15)),
                new Call("POST", "/api/v1/contacts", Map.of("fullName", "New Person", "phone", "555-0100")),
                new Call("POST", "/api/v1/followups", Map.of("contactId", contact, "dueOn", dueOn, "reason", "keep-in-touch")),
                new Call("POST", "/api/v1/actions", Map.of("title", "March", "startsAt", Instant.now().toString(),
                        "durationMinutes", 90)),
                new Call("PUT", "/api/v1/actions/" + action + "/attendance",
                        List.of(Map.of("newContact", Map.of("fullName", "At The Door", "phone", "555-0101")))));
        for (Call call : calls) {
            String key = "retry-" + UUID.randomUUID();
            Response first = given().auth().oauth2(team.token).contentType(ContentType.JSON).accept(ContentType.JSON)
                    .header("Idempotency-Key", key).body(call.body()).request(call.method(), call.path());
            assertTrue(first.statusCode() == 201 || first.statusCode() == 200, call + ": " + first.asString());
            assertNull(first.header(IdempotencyInterceptor.REPLAYED));
            int auditBefore = auditEvents(team);
            Response again = given().auth().oauth2(team.token).contentType(ContentType.JSON).accept(ContentType.JSON)
                    .header("Idempotency-Key", key).body(call.body()).request(call.method(), call.path());
            assertEquals(first.statusCode(), again.statusCode(), call.toString());
            assertArrayEquals(first.asByteArray(), again.asByteArray(), call + ": the same body");
            assertEquals(first.header("Location"), again.header("Location"), call.toString());
            assertEquals(first.header("ETag"), again.header("ETag"), call.toString());
            assertTrue(first.header("ETag") != null, call + " has an ETag");
            assertTrue(again.contentType().startsWith("application/json"), call.toString());
            assertEquals("true", again.header(IdempotencyInterceptor.REPLAYED));
            assertEquals(auditBefore, auditEvents(team), call + ": the retry wrote nothing");
        }
        // one contact by hand, one by the keyed POST, one at the door: the retries added none
        assertEquals(3, team.api().get("/api/v1/contacts?limit=200").then().extract().jsonPath().getList("items").size());
        assertEquals(1, conversationsOf(team, contact));
        assertEquals(1, team.api().get("/api/v1/followups?contact=" + contact).then().extract().jsonPath()
                .getList("items").size());
    }

    int auditEvents(TestTeam team) {
        return AllTeams.call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from audit_event where team_id = ?1")
                .setParameter(1, UUID.fromString(team.teamId)).getSingleResult()).intValue());
    }

    @Inject
    javax.sql.DataSource dataSource;

    /**
     * A repeat that arrives while the first request still runs waits for it however long it takes, not the few seconds a
     * request waits for others' rows (TeamScope.REQUEST_LOCK_WAIT), and answers its answer: told "nothing was saved"
     * at 5 s while the first went on to commit, a client would send it again under a new key (the review). The first
     * request in flight is played here on a connection of the test's own, its claim held for 6 s, then answered.
     */
    @Test
    void aRepeatWaitsForTheFirstRequestPastTheShortWait() throws Exception {
        TestTeam team = TestTeam.create();
        String contact = contact(team, "Slow First");
        Map<String, Object> body = Map.of("contactId", contact, "durationMinutes", 10);
        String done = UUID.randomUUID().toString();
        Response first = post(team.token, done, "/api/v1/conversations", body).then().statusCode(201).extract().response();
        byte[] hash = (byte[]) AllTeams.call(() -> em.createNativeQuery(
                "select request_hash from idempotency_key where team_id = ?1 and key = ?2")
                .setParameter(1, UUID.fromString(team.teamId)).setParameter(2, done).getSingleResult());

        String key = UUID.randomUUID().toString();
        java.util.concurrent.CompletableFuture<Response> repeat;
        long sent;
        try (java.sql.Connection running = AllTeams.connection(dataSource)) {
            running.setAutoCommit(false);
            try (java.sql.PreparedStatement claim = running.prepareStatement("""
                    insert into idempotency_key (team_id, organizer_id, key, request_hash, created_at)
                    values (?, ?, ?, ?, now())""")) {
                claim.setObject(1, UUID.fromString(team.teamId));
                claim.setObject(2, UUID.fromString(team.adminId));
                claim.setString(3, key);
                claim.setBytes(4, hash);
                claim.execute();
            }
            sent = System.nanoTime();
            repeat = java.util.concurrent.CompletableFuture.supplyAsync(() -> post(team.token, key, "/api/v1/conversations", body));
            org.groundwork.support.HeldLocks.waitUntilBlocked(dataSource, running, repeat);
            Thread.sleep(6_000);
            assertFalse(repeat.isDone(), "still waiting for the first request: " + (repeat.isDone() ? repeat.get().asString() : ""));
            try (java.sql.PreparedStatement answer = running.prepareStatement(
                    "update idempotency_key set status = 201, location = ?, body = ? where team_id = ? and key = ?")) {
                answer.setString(1, first.header("Location"));
                answer.setString(2, first.asString());
                answer.setObject(3, UUID.fromString(team.teamId));
                answer.setString(4, key);
                answer.execute();
            }
            running.commit();
        }
        Response replayed = repeat.get(30, java.util.concurrent.TimeUnit.SECONDS);
        replayed.then().statusCode(201).header(IdempotencyInterceptor.REPLAYED, "true").header("Location", first.header("Location"));
        assertEquals(first.asString(), replayed.asString());
        assertTrue((System.nanoTime() - sent) / 1e9 >= 6, "answered only once the first had");
        assertEquals(1, conversationsOf(team, contact), "nothing written twice");
    }

    @Test
    void theSameKeyWithAnotherRequestIs422AndWritesNothing() {
        TestTeam team = TestTeam.create();
        String contact = contact(team, "Key Reuse");
        String key = UUID.randomUUID().toString();
        post(team.token, key, "/api/v1/conversations", Map.of("contactId", contact, "durationMinutes", 10))
                .then().statusCode(201);
        post(team.token, key, "/api/v1/conversations", Map.of("contactId", contact, "durationMinutes", 11))
                .then().statusCode(422).contentType(startsWith("application/problem+json"))
                .body("status", is(422)).body("detail", containsString("Idempotency-Key"));
        // the same body on another endpoint is another request too
        post(team.token, key, "/api/v1/followups", Map.of("contactId", contact, "dueOn", LocalDate.now().toString()))
                .then().statusCode(422);
        assertEquals(1, conversationsOf(team, contact));
        assertEquals(0, team.api().get("/api/v1/followups?contact=" + contact).then().extract().jsonPath()
                .getList("items").size());
    }

    @Test
    void aFailedRequestStoresNothingAndCanBeRetried() {
        TestTeam team = TestTeam.create();
        String contact = contact(team, "Failed First");
        String key = UUID.randomUUID().toString();
        post(team.token, key, "/api/v1/conversations", Map.of("contactId", contact, "durationMinutes", 0))
                .then().statusCode(400);
        assertTrue(storedRows(team).isEmpty());
        post(team.token, key, "/api/v1/conversations", Map.of("contactId", contact, "durationMinutes", 30))
                .then().statusCode(201);
    }

    @Test
    void keysArePerOrganizer() {
        TestTeam team = TestTeam.create();
        TestTeam.Member colleague = team.member("organizer");
        TestTeam other = TestTeam.create();
        String contact = contact(team, "Shared Key");
        String key = "shared-key";
        Map<String, Object> body = Map.of("contactId", contact, "durationMinutes", 10);
        String mine = post(team.token, key, "/api/v1/conversations", body).then().statusCode(201).extract().path("id");
        String theirs = post(colleague.token(), key, "/api/v1/conversations", body).then().statusCode(201)
                .extract().path("id");
        assertFalse(mine.equals(theirs));
        assertEquals(2, conversationsOf(team, contact));
        // another team's organizer with the same key: their own request, never our answer
        String otherContact = contact(other, "Other Team");
        post(other.token, key, "/api/v1/conversations", Map.of("contactId", otherContact, "durationMinutes", 10))
                .then().statusCode(201).body("contactId", is(otherContact));
        post(other.token, "another-key", "/api/v1/conversations", body).then().statusCode(400);
    }

    @Test
    void theApiDocumentNamesTheHeaderWhereItWorks() {
        io.restassured.path.json.JsonPath doc = given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().jsonPath();
        for (String operation : List.of("'/api/v1/conversations'.post", "'/api/v1/contacts'.post",
                "'/api/v1/followups'.post", "'/api/v1/actions'.post", "'/api/v1/actions/{id}/attendance'.put")) {
            List<String> headers = doc.getList("paths." + operation + ".parameters.findAll { it.in == 'header' }.name");
            assertTrue(headers.contains("Idempotency-Key"), operation + ": " + headers);
        }
    }

    @Test
    void badKeysAre400() {
        TestTeam team = TestTeam.create();
        String contact = contact(team, "Bad Keys");
        Map<String, Object> body = Map.of("contactId", contact, "durationMinutes", 10);
        post(team.token, "k".repeat(201), "/api/v1/conversations", body).then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors[0].field", is("Idempotency-Key"));
        post(team.token, "tab\there", "/api/v1/conversations", body).then().statusCode(400)
                .body("errors[0].field", is("Idempotency-Key"));
        post(team.token, "   ", "/api/v1/conversations", body).then().statusCode(400);
        // "café-€" sent in UTF-8, as a script does: each byte arrives as a character, and the "€" holds 0x82,
        // a C1 control, which was said as "control characters" nobody typed (the probe)
        String utf8 = new String("café-€".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.nio.charset.StandardCharsets.ISO_8859_1);
        post(team.token, utf8, "/api/v1/conversations", body).then().statusCode(400)
                .body("errors[0].field", is("Idempotency-Key"))
                .body("errors[0].message", startsWith("must be printable ASCII"));
        // what a key holds is said before its length: 70 "€" arrive as 210 characters
        post(team.token, new String("€".repeat(70).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.nio.charset.StandardCharsets.ISO_8859_1), "/api/v1/conversations", body).then().statusCode(400)
                .body("errors[0].message", startsWith("must be printable ASCII"));
        assertEquals(0, conversationsOf(team, contact));
        post(team.token, "k".repeat(200), "/api/v1/conversations", body).then().statusCode(201);
    }

    /**
     * Two Idempotency-Key header lines were read as the first, silently: the retry that sent the
     * second logged the conversation twice. Refused as a query
     * parameter given twice is, and nothing is written; one key still works.
     */
    @Test
    void twoKeysAre400AndWriteNothing() {
        TestTeam team = TestTeam.create();
        String contact = contact(team, "Two Keys");
        Map<String, Object> body = Map.of("contactId", contact, "durationMinutes", 10);
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        given().auth().oauth2(team.token).contentType(ContentType.JSON).accept(ContentType.JSON)
                .header("Idempotency-Key", first).header("Idempotency-Key", second).body(body)
                .post("/api/v1/conversations").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors[0].field", is("Idempotency-Key"))
                .body("errors[0].message", is(InputGuard.GIVEN_TWICE));
        assertEquals(0, conversationsOf(team, contact));
        post(team.token, first, "/api/v1/conversations", body).then().statusCode(201);
        post(team.token, second, "/api/v1/conversations", body).then().statusCode(201);
        assertEquals(2, conversationsOf(team, contact));
    }

    @Test
    void theStoredAnswerHoldsOnlyWhatTheAnswerHeldAndErasureEmptiesIt() {
        TestTeam team = TestTeam.create();
        String key = UUID.randomUUID().toString();
        Response created = post(team.token, key, "/api/v1/contacts",
                Map.of("fullName", "Stored Person", "phone", "555-0123"));
        created.then().statusCode(201);
        String contact = created.path("id");
        String conversationKey = UUID.randomUUID().toString();
        // the next step's purpose is in the request and not in the answer (which names the follow-up by id)
        post(team.token, conversationKey, "/api/v1/conversations", Map.of("contactId", contact, "durationMinutes", 5,
                "summary", "words about them", "nextStep", Map.of("dueOn", java.time.LocalDate.now().plusDays(3).toString(),
                        "purpose", "a secret the answer never had"))).then().statusCode(201);
        String unrelated = contact(team, "Unrelated");
        post(team.token, UUID.randomUUID().toString(), "/api/v1/conversations",
                Map.of("contactId", unrelated, "durationMinutes", 5)).then().statusCode(201);

        List<Object[]> rows = storedRows(team);
        assertEquals(3, rows.size());
        Object[] row = rows.get(0);
        assertEquals(key, row[0]);
        assertEquals(201, ((Number) row[1]).intValue());
        assertEquals(created.header("Location"), row[2]);
        assertEquals(created.header("ETag"), row[3]);
        assertEquals(new String(created.asByteArray(), StandardCharsets.UTF_8), row[4]);
        assertEquals(team.adminId, row[5].toString());
        String all = rows.stream().map(r -> java.util.Arrays.toString(r)).reduce("", String::concat);
        assertFalse(all.contains("a secret the answer never had"), "the request itself is kept only as a hash");

        team.api().delete("/api/v1/contacts/" + contact).then().statusCode(204);
        List<Object[]> left = storedRows(team);
        // the keys stay taken, emptied: only the answer about someone else keeps its words
        assertEquals(3, left.size());
        assertEquals(2, left.stream().filter(r -> ((Number) r[1]).intValue() == 410 && r[2] == null && r[4] == null).count());
        String text = left.stream().map(r -> java.util.Arrays.toString(r)).reduce("", String::concat);
        assertFalse(text.contains(contact));
        assertFalse(text.contains("Stored Person"));
        assertTrue(text.contains(unrelated));

        // a client's retry after the erasure does not write the erased person again (it made them anew, as new)
        for (int i = 0; i < 2; i++) {
            post(team.token, key, "/api/v1/contacts", Map.of("fullName", "Stored Person", "phone", "555-0123"))
                    .then().statusCode(410).contentType("application/problem+json")
                    .body("detail", is(IdempotencyInterceptor.ERASED_SINCE));
        }
        post(team.token, conversationKey, "/api/v1/conversations", Map.of("contactId", contact, "durationMinutes", 5))
                .then().statusCode(410);
        team.api().get("/api/v1/contacts?q=Stored").then().statusCode(200).body("items", hasSize(0));
        // a new key is a new request
        post(team.token, UUID.randomUUID().toString(), "/api/v1/contacts", Map.of("fullName", "Stored Person"))
                .then().statusCode(201);
    }

    @Test
    void expiredKeysAreTakenOverAndSweptAway() {
        TestTeam team = TestTeam.create();
        String contact = contact(team, "Expired Key");
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("contactId", contact, "durationMinutes", 10);
        String first = post(team.token, key, "/api/v1/conversations", body).then().statusCode(201).extract().path("id");
        String old = UUID.randomUUID().toString();
        post(team.token, old, "/api/v1/conversations", Map.of("contactId", contact, "durationMinutes", 12))
                .then().statusCode(201);
        AllTeams.run(() -> em.createNativeQuery(
                        "update idempotency_key set created_at = now() - interval '25 hours' where team_id = ?1")
                .setParameter(1, UUID.fromString(team.teamId)).executeUpdate());
        String second = post(team.token, key, "/api/v1/conversations", body).then().statusCode(201)
                .header(IdempotencyInterceptor.REPLAYED, nullValue()).extract().path("id");
        assertFalse(first.equals(second), "after 24 hours the key is free again");
        List<Object[]> rows = storedRows(team);
        assertEquals(1, rows.size(), "the other expired answer was swept away");
        assertEquals(key, rows.get(0)[0]);
    }
}
