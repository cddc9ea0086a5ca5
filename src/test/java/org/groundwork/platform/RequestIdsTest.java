package org.groundwork.platform;

import io.quarkus.test.junit.QuarkusTest;
import org.jboss.logmanager.ExtLogRecord;
import org.groundwork.support.LogLines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every answer carries its request's reference (X-Request-Id: a proxy's, when it is a short token, or one made here),
 * the log lines written for the request carry it as MDC requestId, and a 5xx page shows it, so what an organizer
 * quotes finds the lines (operations.md, "A request's reference").
 */
@QuarkusTest
class RequestIdsTest {

    private LogLines log;

    @BeforeEach
    void listen() {
        log = LogLines.listen(java.util.logging.Level.INFO);
    }

    @AfterEach
    void stop() {
        log.close();
    }

    @Test
    void everyAnswerCarriesAReferenceMadeHereOrTheProxysWhenItIsAShortToken() {
        String one = given().get("/login").then().statusCode(200)
                .header(RequestIds.ID_HEADER, matchesPattern("[0-9a-z]{12}")).extract().header(RequestIds.ID_HEADER);
        String two = given().get("/api/v1/me").then().statusCode(401)
                .header(RequestIds.ID_HEADER, matchesPattern("[0-9a-z]{12}")).extract().header(RequestIds.ID_HEADER);
        assertNotEquals(one, two);
        given().header(RequestIds.ID_HEADER, "haproxy-7f3a.12:9").get("/login").then().statusCode(200)
                .header(RequestIds.ID_HEADER, is("haproxy-7f3a.12:9"));
        // what would reach the log as the client wrote it is replaced: spaces, too long, a NUL sent encoded
        for (String sent : List.of("two words", "x".repeat(65), "a%00b", "<script>")) {
            given().header(RequestIds.ID_HEADER, sent).get("/login").then().statusCode(200)
                    .header(RequestIds.ID_HEADER, matchesPattern("[0-9a-z]{12}"));
        }
        // also on what the HTTP layer refuses before any page runs (a request line past 8 KB)
        given().get("/contacts?q=" + "a".repeat(9000)).then().statusCode(414)
                .header(RequestIds.ID_HEADER, matchesPattern("[0-9a-z]{12}"));
    }

    @Test
    void theLogLinesOfARequestAndIts503PageCarryItsReference() {
        given().accept("text/html").header(RequestIds.ID_HEADER, "ref-page-1").get("/test-only/past-its-time")
                .then().statusCode(503).header(RequestIds.ID_HEADER, is("ref-page-1"))
                .body(containsString("tell whoever runs Groundwork this reference: ref-page-1"));
        given().header(RequestIds.ID_HEADER, "ref-api-2").get("/api/v1/test-only/past-its-time")
                .then().statusCode(503).header(RequestIds.ID_HEADER, is("ref-api-2"));
        // a page refused in the 4xx range is the organizer's to mend: no reference to quote
        given().accept("text/html").header(RequestIds.ID_HEADER, "ref-404").get("/no-such-page")
                .then().statusCode(404).body(not(containsString("ref-404")));

        List<ExtLogRecord> lines = log.records().stream()
                .filter(r -> r.getFormattedMessage().contains("ran past its transaction's time limit")).toList();
        assertEquals(2, lines.size(), "one line each: " + lines.stream().map(ExtLogRecord::getFormattedMessage).toList());
        assertEquals("ref-page-1", lines.get(0).getMdc(RequestIds.MDC_KEY));
        assertEquals("ref-api-2", lines.get(1).getMdc(RequestIds.MDC_KEY));
        assertTrue(log.records().stream().noneMatch(r -> "ref-404".equals(r.getMdc(RequestIds.MDC_KEY))
                && r.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()));
    }
}
