package org.groundwork.organizer;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.groundwork.support.AllTeams;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The bearer token's lookup on every API request (TokenService.organizerFor, one statement in
 * autocommit since feat-post2): who the token acts as, its last use noted at most every five
 * minutes, and nothing for a deactivated account.
 */
@QuarkusTest
class TokenLookupTest {

    @Inject
    DataSource dataSource;

    @Test
    void aTokensLastUseIsNotedAtMostEveryFiveMinutes() throws SQLException {
        TestTeam team = TestTeam.create();
        TestTeam.Member member = team.member("organizer");
        String tokenId = given().auth().oauth2(member.token()).get("/api/v1/tokens")
                .then().statusCode(200).extract().path("items[0].id");

        // its first use is noted
        member.api().get("/api/v1/me").then().statusCode(200).body("organizer.id", is(member.id()));
        assertEquals(List.of("t"), lastUse(tokenId, "last_used_at is not null"));

        // noted a minute ago: not written again
        setLastUse(tokenId, "now() - interval '1 minute'");
        member.api().get("/api/v1/me").then().statusCode(200);
        assertEquals(List.of("t"), lastUse(tokenId, "last_used_at < now() - interval '50 seconds'"));

        // noted ten minutes ago: written again
        setLastUse(tokenId, "now() - interval '10 minutes'");
        member.api().get("/api/v1/me").then().statusCode(200);
        assertEquals(List.of("t"), lastUse(tokenId, "last_used_at > now() - interval '1 minute'"));
    }

    @Test
    void theTokenActsWithItsOrganizersRoleAndNotOnceDeactivated() {
        TestTeam team = TestTeam.create();
        TestTeam.Member member = team.member("organizer");
        // an organizer may not add organizers; the admin may
        member.api().body(Map.of("email", "x-" + UUID.randomUUID() + "@groundwork.test", "displayName", "X",
                "role", "organizer", "password", TestTeam.PASSWORD)).post("/api/v1/organizers").then().statusCode(403);
        member.api().get("/api/v1/me").then().statusCode(200).body("organizer.role", is("organizer"))
                .body("team.id", is(team.teamId));

        team.api().body(Map.of("active", false)).patch("/api/v1/organizers/" + member.id()).then().statusCode(200);
        member.api().get("/api/v1/me").then().statusCode(401).contentType("application/problem+json");
        assertNotEquals(member.token(), team.token);
        team.api().get("/api/v1/me").then().statusCode(200);
    }

    private List<String> lastUse(String tokenId, String condition) {
        return AllTeams.rows(dataSource, "select " + condition + " from api_token where id = ?1", tokenId);
    }

    private void setLastUse(String tokenId, String at) throws SQLException {
        try (Connection c = AllTeams.connection(dataSource);
             PreparedStatement ps = c.prepareStatement("update api_token set last_used_at = " + at + " where id = ?")) {
            ps.setObject(1, UUID.fromString(tokenId));
            assertEquals(1, ps.executeUpdate());
        }
    }
}
