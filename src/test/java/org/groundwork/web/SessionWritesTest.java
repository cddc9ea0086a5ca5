package org.groundwork.web;

import io.quarkus.test.junit.QuarkusTest;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.*;

/** What a logged-in browser session sends besides forms: JSON writes and extra headers. */
@QuarkusTest
class SessionWritesTest {

    @Test
    void anIdempotencyKeyWorksForASessionToo() {
        TestTeam team = TestTeam.create();
        Session s = Session.logIn(team);
        // a session's JSON write carries the pages' security token, as any write on the cookie (CsrfCheck)
        s.open("/");
        for (int i = 0; i < 2; i++) {
            s.request().contentType("application/json").accept("application/json").header("Idempotency-Key", "door-1")
                    .header("X-CSRF-TOKEN", s.csrfToken)
                    .body(Map.of("fullName", "Zoe Firsttimer")).post("/api/v1/contacts").then().statusCode(201);
        }
        team.api().get("/api/v1/contacts").then().body("items", hasSize(1));
    }

    @Test
    void anAuthorizationHeaderBesideTheCookieDoesNotExemptFromTheCsrfCheck() {
        TestTeam team = TestTeam.create();
        Session s = Session.logIn(team);
        s.request().header("Authorization", "x").post("/logout").then().statusCode(403);
        s.request().get("/contacts").then().statusCode(200);
    }
}
