package org.groundwork.platform;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/**
 * A change that runs past its transaction's time limit is rolled back by the transaction manager; it was answered as
 * an unexpected failure, a 500 with an ERROR line (the walk: a merge of an organization of 75,000 people). Now a 503
 * in words: nothing was saved.
 */
@QuarkusTest
class PastItsTimeTest {

    @Test
    void aChangePastItsTimeLimitIsA503InWords() {
        given().get("/api/v1/test-only/past-its-time").then().statusCode(503)
                .contentType("application/problem+json").header("Retry-After", "5")
                .body("detail", is(ProblemMapper.TOOK_TOO_LONG))
                .body(not(containsString("Exception")));
    }

    @Test
    void aChangePastItsTimeLimitBetweenTwoStatementsIsA503InWords() {
        given().get("/api/v1/test-only/past-its-time/between").then().statusCode(503)
                .contentType("application/problem+json").header("Retry-After", "5")
                .body("detail", is(ProblemMapper.TOOK_TOO_LONG))
                .body(not(containsString("Exception")));
    }
}
