package org.groundwork.organizer;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.groundwork.support.AllTeams;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A hash made before the forty-fourth session is bcrypt of a password's first 72 bytes (Passwords).
 * Such an account is upgraded at its next right login, not only at a password change (session 44's
 * review): from then on every character counts. A password longer than 72 bytes is not upgraded
 * that way, since the old hash cannot tell which tail is the right one.
 */
@QuarkusTest
class OldPasswordHashTest {

    @Inject
    EntityManager em;

    private void storeOldHash(TestTeam team, String password) {
        String old = BcryptUtil.bcryptHash(password);
        AllTeams.run(() -> em.createNativeQuery("update organizer set password_hash = ?1 where id = ?2")
                .setParameter(1, old).setParameter(2, UUID.fromString(team.adminId)).executeUpdate());
    }

    private String storedHash(TestTeam team) {
        return AllTeams.call(() -> (String) em.createNativeQuery("select password_hash from organizer where id = ?1")
                .setParameter(1, UUID.fromString(team.adminId)).getSingleResult());
    }

    /**
     * This test's own client address: its wrong passwords count against it in the login throttle (20 an address), not
     * against the address every other test's logins come from (the first full run: the last classes got 429s).
     */
    private final String address = "10.45.0." + (1 + Math.abs(UUID.randomUUID().hashCode()) % 250);

    private int token(TestTeam team, String password) {
        return given().header("X-Forwarded-For", address).contentType(ContentType.JSON)
                .body(Map.of("email", team.adminEmail, "password", password, "name", "x"))
                .post("/api/v1/tokens").statusCode();
    }

    /**
     * bcrypt ends a password with a NUL of its own and repeats it: an old hash of "pw" takes "pw" NUL "pw", and what
     * follows a NUL must not become the password, whatever the old hash says of it.
     */
    @Test
    void aPasswordWithANulIsNotUpgradedFromWhatWasTyped() {
        TestTeam team = TestTeam.create();
        storeOldHash(team, "tenants united");
        String old = storedHash(team);
        int answer = token(team, "tenants united\u0000tenants united");
        assertEquals(old, storedHash(team), "answered " + answer);
        // the login form reads a NUL as typed (a JSON body refuses one)
        var login = given().redirects().follow(false).header("X-Forwarded-For", address).formParam("email", team.adminEmail)
                .formParam("password", "tenants united\u0000tenants united").post("/login");
        assertEquals(old, storedHash(team), "the login form answered " + login.statusCode() + " " + login.header("Location"));
        assertEquals(201, token(team, "tenants united"));
        assertTrue(storedHash(team).startsWith("$gw-nfkc-sha256$"));
    }

    @Test
    void anOldHashIsReplacedAtTheNextRightLogin() {
        TestTeam team = TestTeam.create();
        storeOldHash(team, "tenants together");
        String old = storedHash(team);
        assertEquals(401, token(team, "tenants apart"));
        assertEquals(old, storedHash(team), "a wrong password changes nothing");
        // the login form as well as the token exchange goes through the one check
        var login = given().redirects().follow(false).header("X-Forwarded-For", address).formParam("email", team.adminEmail)
                .formParam("password", "tenants together").post("/login");
        assertTrue(!String.valueOf(login.header("Location")).contains("error"), "the old hash still logs in");
        String upgraded = storedHash(team);
        assertTrue(upgraded.startsWith("$gw-nfkc-sha256$"), "upgraded at that login: " + upgraded);
        assertEquals(201, token(team, "tenants together"));
        assertEquals(upgraded, storedHash(team), "upgraded once");
        assertEquals(401, token(team, "tenants apart"));
    }

    /**
     * Elytron's bcrypt reads a password in Unicode's NFKC form, so an old hash took "café" typed with a
     * combining accent, or in full-width letters; session 44's hashes did not (the probe). The upgrade keeps
     * every spelling, whichever was typed at that login, and so does every new hash.
     */
    @Test
    void everySpellingOfAPasswordStaysOneThroughTheUpgrade() {
        TestTeam team = TestTeam.create();
        String composed = "caf\u00e9 noir solidarit\u00e9";
        String decomposed = "cafe\u0301 noir solidarite\u0301";
        String fullWidth = "\uff43\uff41\uff46\u00e9 noir solidarit\u00e9";
        storeOldHash(team, composed);
        assertEquals(201, token(team, decomposed), "the old hash reads NFKC");
        assertTrue(storedHash(team).startsWith("$gw-nfkc-sha256$"));
        for (String spelling : new String[] {composed, decomposed, fullWidth}) {
            assertEquals(201, token(team, spelling), spelling);
        }
        // session 44's kind: checked as typed, upgraded at a right login to the kind that reads every spelling
        String sessionFortyFour = "$gw-sha256$" + BcryptUtil.bcryptHash(java.util.Base64.getEncoder().encodeToString(
                sha256(composed.getBytes(StandardCharsets.UTF_8))));
        AllTeams.run(() -> em.createNativeQuery("update organizer set password_hash = ?1 where id = ?2")
                .setParameter(1, sessionFortyFour).setParameter(2, UUID.fromString(team.adminId)).executeUpdate());
        assertEquals(401, token(team, decomposed), "session 44's hash took the bytes as typed");
        assertEquals(sessionFortyFour, storedHash(team));
        assertEquals(201, token(team, composed));
        assertTrue(storedHash(team).startsWith("$gw-nfkc-sha256$"));
        assertEquals(201, token(team, decomposed));
        // and a new password typed another way is the one there is: refused as the same
        team.api().body(Map.of("currentPassword", composed, "newPassword", decomposed))
                .post("/api/v1/me/password").then().statusCode(400);
    }

    @Inject
    javax.sql.DataSource dataSource;

    /**
     * A login on another device replaces the old hash while this organizer changes their password: the same
     * password, so no change meanwhile (review 1: a false 409 "changed meanwhile"); a real change from another
     * device in that moment is not overwritten (409, that password kept). The organizer's row is held here until
     * the change waits to write, then the other device's hash is written and let go.
     */
    @Test
    void aHashReplacedMeanwhileIsCheckedAgainAndAChangeMeanwhileKept() throws Exception {
        for (boolean samePassword : new boolean[] {true, false}) {
            TestTeam team = TestTeam.create();
            storeOldHash(team, "tenants together");
            String elsewhere = samePassword ? "tenants together" : "changed on the phone";
            java.util.concurrent.CompletableFuture<io.restassured.response.Response> change;
            try (java.sql.Connection holding = AllTeams.connection(dataSource)) {
                holding.setAutoCommit(false);
                org.groundwork.support.HeldLocks.execute(holding, "select 1 from organizer where id = ? for update", team.adminId);
                change = java.util.concurrent.CompletableFuture.supplyAsync(() -> team.api().header("X-Forwarded-For", address)
                        .body(Map.of("currentPassword", "tenants together", "newPassword", "tenants organized"))
                        .post("/api/v1/me/password"));
                org.groundwork.support.HeldLocks.waitUntilBlocked(dataSource, holding, change);
                try (var ps = holding.prepareStatement("update organizer set password_hash = ? where id = ?")) {
                    ps.setString(1, Passwords.hash(elsewhere));
                    ps.setObject(2, UUID.fromString(team.adminId));
                    ps.executeUpdate();
                }
                holding.commit();
            }
            var answer = change.join();
            if (samePassword) {
                assertEquals(204, answer.statusCode(), answer.asString());
                assertEquals(201, token(team, "tenants organized"));
                assertEquals(401, token(team, "tenants together"));
            } else {
                assertEquals(409, answer.statusCode(), answer.asString());
                assertEquals(201, token(team, "changed on the phone"));
                assertEquals(401, token(team, "tenants organized"));
            }
        }
    }

    /**
     * A login whose password was checked while the account changed: a password change or a disabling that commits
     * in between is seen, and the login answers as it would just after it (the probe: a token made with the old
     * password outlived the change, 10 races in 24); another login's replacement of an old hash of the same
     * password is no change. The account's row is held here until the login waits for it, then changed.
     */
    @Test
    void aLoginMeetsAChangeMadeWhileItsPasswordWasChecked() throws Exception {
        for (String meanwhile : List.of("password changed", "account disabled", "same password hashed anew")) {
            TestTeam team = TestTeam.create();
            java.util.concurrent.CompletableFuture<Integer> login;
            try (java.sql.Connection holding = AllTeams.connection(dataSource)) {
                holding.setAutoCommit(false);
                org.groundwork.support.HeldLocks.execute(holding, "select 1 from organizer where id = ? for update", team.adminId);
                login = java.util.concurrent.CompletableFuture.supplyAsync(() -> token(team, TestTeam.PASSWORD));
                org.groundwork.support.HeldLocks.waitUntilBlocked(dataSource, holding, login);
                String sql = switch (meanwhile) {
                    case "password changed" -> "update organizer set password_hash = '" + Passwords.hash("changed on the laptop")
                            + "' where id = ?";
                    case "account disabled" -> "update organizer set active = false where id = ?";
                    default -> "update organizer set password_hash = '" + Passwords.hash(TestTeam.PASSWORD) + "' where id = ?";
                };
                org.groundwork.support.HeldLocks.execute(holding, sql, team.adminId);
                // as a change or a disabling does: every token of the account ends with it
                org.groundwork.support.HeldLocks.execute(holding, "delete from api_token where organizer_id = ?", team.adminId);
                holding.commit();
            }
            int answer = login.join();
            List<String> tokens = AllTeams.rows(dataSource, "select count(*) from api_token where organizer_id = ?1", team.adminId);
            if (meanwhile.equals("same password hashed anew")) {
                assertEquals(201, answer, meanwhile);
                assertEquals(List.of("1"), tokens, meanwhile);
            } else {
                assertEquals(401, answer, meanwhile);
                assertEquals(List.of("0"), tokens, meanwhile + ": no token outlives it");
            }
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aPasswordLongerThanBcryptReadsIsNotUpgradedFromWhatWasTyped() {
        TestTeam team = TestTeam.create();
        String start = "the rent strike starts on monday at the laundry room of building seven!!";
        assertEquals(72, start.getBytes(StandardCharsets.UTF_8).length);
        storeOldHash(team, start + " bring the neighbours");
        String old = storedHash(team);
        // the old hash cannot tell the tails apart: this one logs in, as it always did, and does not become the password;
        // nor do the 72 bytes alone (bcrypt adds its closing NUL past what it reads: the review), or with a NUL after
        assertEquals(201, token(team, start + " and a slip"));
        assertEquals(old, storedHash(team));
        assertEquals(201, token(team, start));
        assertEquals(old, storedHash(team));
        assertEquals(201, token(team, start + " bring the neighbours"));
        assertEquals(old, storedHash(team));
    }
}
