package org.groundwork.web;

import io.quarkus.test.junit.QuarkusTest;
import org.groundwork.platform.ProblemMapper;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;

/**
 * A page's change that runs past its transaction's time limit is said with the form as typed, a 503 that says when
 * to try again, as the API's 503 in words (PastItsTimeTest): it was the error page, what was typed lost (session 48).
 */
@QuarkusTest
class PastItsTimePageTest {

    @Test
    void aPageChangePastItsTimeLimitIsSaidWithWhatWasTyped() {
        Session s = Session.logIn(TestTeam.create());
        s.open("/contacts"); // for its CSRF token
        s.form().formParam("note", "typed before the wait").post("/test-only/past-its-time").then()
                .statusCode(503).header("Retry-After", "5")
                .body(containsString("typed: typed before the wait"))
                .body(containsString(ProblemMapper.TOOK_TOO_LONG));
    }
}
