package org.groundwork.platform;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The app as the README's run command starts it, with no proxy's forwarded headers trusted (the
 * other tests trust them): a request without a valid Host is refused by the router before any
 * handler runs. It was Quarkus's last handler's answer (an error id; for a browser a page titled
 * "Internal Server Error") and an ERROR line in the log, for anyone to send.
 */
@QuarkusTest
@TestProfile(UnproxiedRequestsTest.Unproxied.class)
class UnproxiedRequestsTest {

    public static class Unproxied implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.proxy-address-forwarding", "false",
                    "quarkus.http.proxy.allow-x-forwarded", "false");
        }
    }

    @Test
    void aRequestWithoutAValidHostIsA400ProblemAndNoErrorInTheLog() {
        List<String> answers = new ArrayList<>();
        List<java.util.logging.LogRecord> errors = BadInputTest.severeDuring(() -> {
            try {
                answers.add(BadInputTest.raw("GET /api/v1/me HTTP/1.1\r\nConnection: close\r\n\r\n"));
                answers.add(BadInputTest.raw("GET /api/v1/me HTTP/1.1\r\nHost: a b\r\nConnection: close\r\n\r\n"));
                answers.add(BadInputTest.raw("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"));
                answers.add(BadInputTest.raw("GET /contacts HTTP/1.1\r\nAccept: text/html\r\nConnection: close\r\n\r\n"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        for (String answer : answers.subList(0, 3)) {
            assertTrue(answer.matches("(?s)HTTP/\\d\\.\\d 400 .*") && answer.contains("application/problem+json")
                    && answer.contains("\"status\":400"), answer);
        }
        assertTrue(answers.get(0).contains("no valid Host header"), answers.get(0));
        assertTrue(answers.get(1).contains("no valid Host header"), answers.get(1));
        assertTrue(answers.get(2).contains("HTTP/2 is not spoken here"), answers.get(2));
        assertTrue(answers.get(3).startsWith("HTTP/1.1 400") && answers.get(3).contains("text/html")
                && answers.get(3).contains("<title>Something in the request is not right"), answers.get(3));
        assertEquals(List.of(), errors.stream().map(java.util.logging.LogRecord::getMessage).toList());
    }

    /**
     * Two Host headers (RFC 9112 says a 400) were served by the first: the router read it, a proxy or
     * cache in front may read the other. Refused before anything else, an API caller's logged in or
     * not, a page's as a page. Only here: behind a trusted proxy Quarkus's forwarded headers' parser
     * sets Host to the first value before any handler runs, and the proxy answers for it (HAProxy
     * refuses two that differ and merges two that are equal; nginx refuses both).
     */
    @Test
    void twoHostHeadersAreA400BeforeAnythingElse() throws Exception {
        TestTeam team = TestTeam.create();
        String body = "{\"fullName\":\"Two Hosts\"}";
        String answer = BadInputTest.raw("POST /api/v1/contacts HTTP/1.1\r\nHost: localhost\r\nHost: evil.example\r\n"
                + "Authorization: Bearer " + team.token + "\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length() + "\r\nConnection: close\r\n\r\n" + body);
        assertTrue(answer.startsWith("HTTP/1.1 400") && answer.contains("application/problem+json")
                && answer.contains("more than one Host header"), answer);
        // the same name twice too, and without a token (refused before the authentication)
        answer = BadInputTest.raw("GET /api/v1/me HTTP/1.1\r\nHost: localhost\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 400") && answer.contains("more than one Host header"), answer);
        answer = BadInputTest.raw("GET /login HTTP/1.1\r\nHost: localhost\r\nHost: evil.example\r\nAccept: text/html\r\n"
                + "Connection: close\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 400") && answer.contains("text/html")
                && answer.contains("<title>Something in the request is not right"), answer);
        team.api().get("/api/v1/contacts").then().statusCode(200).body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void aRequestWithItsHostIsServedAsBefore() throws Exception {
        TestTeam team = TestTeam.create();
        String answer = BadInputTest.raw("GET /api/v1/me HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + team.token + "\r\nConnection: close\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
    }
}
