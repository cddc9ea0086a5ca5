package org.groundwork.organizer;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.groundwork.support.AllTeams;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A burst of wrong passwords must not take the database from everyone else. bcrypt is slow on
 * purpose; when it ran inside the login's transaction, each login held a pooled connection for
 * its whole hash, and other requests waited for one until the pool gave up on them (503).
 * <p>
 * The pool is made small here (2 connections, a 1-second wait) and the accounts' hashes slow
 * (bcrypt cost 13, seconds a check): more wrong passwords at once than the pool has
 * connections, each of them far longer than the pool's wait. While they are checked, another
 * organizer's requests keep coming, and every one of them must be answered. Whether they are
 * answered is asserted, never how fast: a slower machine only makes the hashes longer.
 */
@QuarkusTest
@TestProfile(LoginUnderLoadTest.SmallPool.class)
class LoginUnderLoadTest {

    public static class SmallPool implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.max-size", "2",
                    "quarkus.datasource.jdbc.acquisition-timeout", "1S");
        }
    }

    /**
     * bcrypt of "the slow password" at cost 13 (made once with BcryptUtil.bcryptHash(…, 13)): 4 s a
     * check on this machine with little else running, against 0.5 s at the shipped cost 10.
     */
    static final String SLOW_HASH = "$2a$13$4/9XXTBQ0V9hFRjMCJOTWOJctBOnb5Wv93iwEyy3e59ApPE6eT5Fq";
    /** One more than the pool has connections. */
    private static final int ATTEMPTS = 3;

    @Inject
    EntityManager em;

    @Test
    void wrongPasswordsBeingCheckedLeaveConnectionsForOtherRequests() throws Exception {
        TestTeam team = TestTeam.create();
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < ATTEMPTS; i++) {
            String email = "slow-" + i + "-" + TestTeam.unique() + "@groundwork.test";
            team.api().body(Map.of("email", email, "displayName", "Slow " + i, "role", "organizer",
                    "password", TestTeam.PASSWORD)).post("/api/v1/organizers").then().statusCode(201);
            emails.add(email);
        }
        AllTeams.run(() -> em.createNativeQuery("update organizer set password_hash = ?1 where team_id = ?2 and role = 'organizer'")
                .setParameter(1, SLOW_HASH).setParameter(2, UUID.fromString(team.teamId)).executeUpdate());

        ExecutorService pool = Executors.newFixedThreadPool(ATTEMPTS);
        try {
            List<Future<Integer>> attempts = new ArrayList<>();
            for (int i = 0; i < ATTEMPTS; i++) {
                String email = emails.get(i);
                String address = "10.88.0." + (i + 1);
                // the login form and the token exchange, half each
                attempts.add(pool.submit(i % 2 == 0
                        ? () -> given().header("X-Forwarded-For", address).contentType(ContentType.JSON)
                                .body(Map.of("email", email, "password", "wrong password", "name", "script"))
                                .post("/api/v1/tokens").statusCode()
                        : () -> {
                            var login = given().redirects().follow(false).header("X-Forwarded-For", address)
                                    .formParam("email", email).formParam("password", "wrong password").post("/login");
                            String location = String.valueOf(login.header("Location"));
                            return location.contains("/login?error") ? 401 : login.statusCode();
                        }));
            }
            // while the hashes run, the admin goes on working
            List<Integer> others = new ArrayList<>();
            while (attempts.stream().anyMatch(a -> !a.isDone())) {
                others.add(team.api().get("/api/v1/me").statusCode());
                Thread.sleep(200);
            }
            List<Integer> refused = new ArrayList<>();
            for (Future<Integer> a : attempts) {
                refused.add(a.get(5, TimeUnit.MINUTES));
            }
            assertEquals(java.util.Collections.nCopies(ATTEMPTS, 401), refused, "each wrong password is a plain refusal");
            assertTrue(!others.isEmpty() && others.stream().allMatch(s -> s == 200),
                    "every other request is answered while the passwords are checked: " + others);
        } finally {
            pool.shutdownNow();
        }
    }
}
