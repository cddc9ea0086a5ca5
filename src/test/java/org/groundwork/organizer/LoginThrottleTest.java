package org.groundwork.organizer;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.groundwork.support.MoreThreadsThanConnections;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Failed passwords are throttled per account and per client address (the test profile waits
 * 2 s, doubling to 4 s, instead of minutes). Each test names its own client address through
 * X-Forwarded-For (the test profile trusts it), so none locks out another.
 */
@QuarkusTest
@TestProfile(MoreThreadsThanConnections.class)
class LoginThrottleTest {

    private static final AtomicInteger ADDRESS = new AtomicInteger(1);

    private static String newAddress() {
        int n = ADDRESS.getAndIncrement();
        return "10.77." + (n / 250) + "." + (n % 250 + 1);
    }

    private static Response tokenRequest(String address, String email, String password) {
        return given().header("X-Forwarded-For", address).contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password, "name", "script"))
                .post("/api/v1/tokens");
    }

    private static void sleepSeconds(String retryAfter) throws InterruptedException {
        Thread.sleep(Long.parseLong(retryAfter) * 1000 + 300);
    }

    @Test
    void manyWrongPasswordsAtOnceDoNotExhaustTheConnectionPool() throws Exception {
        TestTeam team = TestTeam.create();
        // more at once than the pool has connections (20): each used to hold one and wait for a second
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(40);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 80; i++) {
                String address = newAddress();
                String email = "nobody-" + i + "-" + TestTeam.unique() + "@groundwork.test";
                answers.add(pool.submit(() -> tokenRequest(address, email, "wrong password").statusCode()));
            }
            Map<Integer, Integer> statuses = new java.util.TreeMap<>();
            for (var a : answers) {
                statuses.merge(a.get(60, java.util.concurrent.TimeUnit.SECONDS), 1, Integer::sum);
            }
            assertEquals(Map.of(401, 80), statuses, "80 wrong passwords at once are 80 plain refusals");
        } finally {
            pool.shutdownNow();
        }
        // and the app answers at once afterwards
        team.api().get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void twoHundredWrongPasswordsAreRefusedThenTheRightOneWorksAfterTheWait() throws InterruptedException {
        TestTeam team = TestTeam.create();
        String address = newAddress();
        List<Integer> statuses = new ArrayList<>();
        Response last = null;
        for (int i = 0; i < 200; i++) {
            last = tokenRequest(address, team.adminEmail, "wrong password " + i);
            statuses.add(last.statusCode());
        }
        assertEquals(List.of(401, 401, 401, 401, 401, 429), statuses.subList(0, 6), "five tries, then a wait");
        long refused = statuses.stream().filter(s -> s == 429).count();
        assertTrue(refused >= 150, "most of 200 wrong passwords are refused unchecked: " + refused);
        System.out.printf("200 wrong passwords: %d checked (401), %d refused (429)%n", 200 - refused, refused);
        if (last.statusCode() != 429) {
            last = tokenRequest(address, team.adminEmail, "wrong again");
        }
        last.then().statusCode(429).contentType("application/problem+json")
                .body("status", is(429)).body("title", is("Too many attempts"));
        String retryAfter = last.header("Retry-After");
        assertNotNull(retryAfter);
        assertTrue(Long.parseLong(retryAfter) >= 1 && Long.parseLong(retryAfter) <= 4, retryAfter);

        // that wait may be milliseconds from its end (Retry-After rounds up): wait it out, and one more
        // wrong password is checked and starts the longest wait (4 s here), so the right password sent
        // next meets a wait that is surely still running
        sleepSeconds(retryAfter);
        tokenRequest(address, team.adminEmail, "wrong once more").then().statusCode(401);
        // during the wait the right password is refused too
        Response during = tokenRequest(address, team.adminEmail, TestTeam.PASSWORD);
        during.then().statusCode(429);
        sleepSeconds(during.header("Retry-After"));
        tokenRequest(address, team.adminEmail, TestTeam.PASSWORD).then().statusCode(201).body("token", startsWith("gw_"));
        // and the success cleared the account's count: a typo afterwards is just a typo
        tokenRequest(address, team.adminEmail, "typo").then().statusCode(401);
    }

    @Test
    void anUnknownEmailGetsExactlyTheSameAnswersAsAKnownOne() {
        TestTeam team = TestTeam.create();
        String unknown = "nobody-" + TestTeam.unique() + "@groundwork.test";
        List<String> known = answers(newAddress(), team.adminEmail);
        List<String> stranger = answers(newAddress(), unknown);
        assertEquals(known, stranger);
    }

    /** Status, content type, title and whether Retry-After is set, for seven wrong passwords. */
    private static List<String> answers(String address, String email) {
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Response r = tokenRequest(address, email, "wrong password");
            answers.add(r.statusCode() + " " + r.contentType() + " " + r.jsonPath().getString("title")
                    + " " + (r.header("Retry-After") != null));
        }
        return answers;
    }

    @Test
    void theAccountIsCountedWhateverCaseOrAddressTheEmailComesWith() {
        TestTeam team = TestTeam.create();
        for (int i = 0; i < 5; i++) {
            tokenRequest(newAddress(), i % 2 == 0 ? team.adminEmail.toUpperCase() : " " + team.adminEmail,
                    "wrong password").then().statusCode(401);
        }
        tokenRequest(newAddress(), team.adminEmail, TestTeam.PASSWORD).then().statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void oneAddressTryingManyAccountsIsStopped() {
        // the team first: made after the failures, on a busy machine it took longer than the test
        // profile's 2 s wait, which had then run out
        TestTeam team = TestTeam.create();
        String address = newAddress();
        for (int i = 0; i < 20; i++) {
            tokenRequest(address, "someone-" + TestTeam.unique() + "@groundwork.test", "guess").then().statusCode(401);
        }
        tokenRequest(address, team.adminEmail, TestTeam.PASSWORD).then().statusCode(429);
        // the account itself is fine from elsewhere
        tokenRequest(newAddress(), team.adminEmail, TestTeam.PASSWORD).then().statusCode(201);
    }

    @Test
    void aSuccessResetsTheAccountsCount() {
        TestTeam team = TestTeam.create();
        String address = newAddress();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 4; i++) {
                tokenRequest(address, team.adminEmail, "wrong").then().statusCode(401);
            }
            tokenRequest(address, team.adminEmail, TestTeam.PASSWORD).then().statusCode(201);
        }
    }

    @Test
    void theLoginPageSaysHowLongToWaitThenLetsTheRightPasswordIn() throws InterruptedException {
        TestTeam team = TestTeam.create();
        String address = newAddress();
        for (int i = 0; i < 5; i++) {
            given().redirects().follow(false).header("X-Forwarded-For", address)
                    .formParam("email", team.adminEmail).formParam("password", "wrong " + i)
                    .post("/login").then().statusCode(anyOf(is(302), is(303)))
                    .header("Location", containsString("/login?error"));
        }
        Response refused = given().redirects().follow(false).header("X-Forwarded-For", address)
                .formParam("email", team.adminEmail).formParam("password", TestTeam.PASSWORD).post("/login");
        refused.then().statusCode(anyOf(is(302), is(303))).header("Location", containsString("/login?wait="));
        assertEquals(null, refused.getCookie("quarkus-credential"));
        String location = refused.header("Location");
        // the page says to wait, as a 429 says (not 401: the password may well be right)
        // as a browser asks for it: from the same address, with the email typed kept in its cookie
        String page = location.substring(location.indexOf("/login"));
        Response waiting = given().header("X-Forwarded-For", address).cookies(refused.getCookies()).get(page);
        waiting.then().statusCode(429)
                .body(containsString("Too many attempts; try again in 1 minute."), containsString("name=\"password\""));
        long retryAfter = Long.parseLong(waiting.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= Long.parseLong(refused.header("Retry-After")),
                "the throttle's own wait: " + retryAfter);
        // the same address bar from an address and email no throttle holds: no wait to tell
        given().header("X-Forwarded-For", newAddress()).get(page).then().statusCode(200)
                .header("Retry-After", org.hamcrest.Matchers.nullValue())
                .body(org.hamcrest.Matchers.not(containsString("Too many attempts")));
        given().header("X-Forwarded-For", newAddress()).get("/login?wait=3600").then().statusCode(200)
                .body(org.hamcrest.Matchers.not(containsString("Too many attempts")));

        sleepSeconds(refused.header("Retry-After"));
        Response in = given().redirects().follow(false).header("X-Forwarded-For", address)
                .formParam("email", team.adminEmail).formParam("password", TestTeam.PASSWORD).post("/login");
        assertNotNull(in.getCookie("quarkus-credential"), "the right password logs in after the wait");
    }
}
