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

    private int token(TestTeam team, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("email", team.adminEmail, "password", password, "name", "x"))
                .post("/api/v1/tokens").statusCode();
    }

    @Test
    void anOldHashIsReplacedAtTheNextRightLogin() {
        TestTeam team = TestTeam.create();
        storeOldHash(team, "tenants together");
        String old = storedHash(team);
        assertEquals(401, token(team, "tenants apart"));
        assertEquals(old, storedHash(team), "a wrong password changes nothing");
        // the login form as well as the token exchange goes through the one check
        var login = given().redirects().follow(false).formParam("email", team.adminEmail)
                .formParam("password", "tenants together").post("/login");
        assertTrue(!String.valueOf(login.header("Location")).contains("error"), "the old hash still logs in");
        String upgraded = storedHash(team);
        assertTrue(upgraded.startsWith("$gw-sha256$"), "upgraded at that login: " + upgraded);
        assertEquals(201, token(team, "tenants together"));
        assertEquals(upgraded, storedHash(team), "upgraded once");
        assertEquals(401, token(team, "tenants apart"));
    }

    @Test
    void aPasswordLongerThanBcryptReadsIsNotUpgradedFromWhatWasTyped() {
        TestTeam team = TestTeam.create();
        String start = "the rent strike starts on monday at the laundry room of building seven!!";
        assertEquals(72, start.getBytes(StandardCharsets.UTF_8).length);
        storeOldHash(team, start + " bring the neighbours");
        String old = storedHash(team);
        // the old hash cannot tell the tails apart: this one logs in, as it always did, and does not become the password
        assertEquals(201, token(team, start + " and a slip"));
        assertEquals(old, storedHash(team));
        assertEquals(201, token(team, start + " bring the neighbours"));
        assertEquals(old, storedHash(team));
    }
}
