package org.groundwork.organizer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.groundwork.support.AllTeams;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;

/**
 * A token list is one page: an organizer keeps at most {@link TokenService#MOST_TOKENS} tokens, so every one of them
 * can be seen and revoked alone (the review of session 45: a script made 250, the list showed 200).
 */
@QuarkusTest
class TokensTest {

    @Inject
    EntityManager em;

    private static io.restassured.response.Response newToken(TestTeam team) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("email", team.adminEmail, "password", TestTeam.PASSWORD, "name", "script"))
                .post("/api/v1/tokens");
    }

    /** Another organizer's token is in the team: "no token with that id in your team" was wrong (the walk). */
    @Test
    void onlyOnesOwnTokenIsRevokedAndAnotherOrganizersIsNotSaidToBeOutsideTheTeam() {
        TestTeam team = TestTeam.create();
        String admins = team.newTokenId("sheet sync");
        team.member("coordinator").api().delete("/api/v1/tokens/" + admins).then().statusCode(404)
                .body("detail", org.hamcrest.Matchers.is("No token of yours with that id"));
        team.api().get("/api/v1/tokens").then().body("items.id", org.hamcrest.Matchers.hasItem(admins));
        // an address that holds no id at all is said the same way, not "… in your team" (a walk)
        team.api().delete("/api/v1/tokens/not-an-id").then().statusCode(404)
                .body("detail", org.hamcrest.Matchers.is("No token of yours with that id"));
        team.api().delete("/api/v1/sessions/not-an-id").then().statusCode(404)
                .body("detail", org.hamcrest.Matchers.is("No session of yours with that id"));

        // revoked by its owner: "revoked already" is said to the owner only (their own trail's event); a colleague
        // still gets the plain 404, which says nothing of whose it was or that it was ever revoked (the review)
        team.api().delete("/api/v1/tokens/" + admins).then().statusCode(204);
        team.api().delete("/api/v1/tokens/" + admins).then().statusCode(404)
                .body("detail", org.hamcrest.Matchers.is("This token of yours was revoked already"));
        team.member("admin").api().delete("/api/v1/tokens/" + admins).then().statusCode(404)
                .body("detail", org.hamcrest.Matchers.is("No token of yours with that id"));
        TestTeam.create().api().delete("/api/v1/tokens/" + admins).then().statusCode(404)
                .body("detail", org.hamcrest.Matchers.is("No token of yours with that id"));
    }

    @Test
    void anOrganizerKeepsAtMostAHundredTokensAndSeesEachOfThem() {
        TestTeam team = TestTeam.create();
        // the team's own token is one; 98 more stored as a script would have made them
        storeTokens(team, TokenService.MOST_TOKENS - 2);
        String hundredth = newToken(team).then().statusCode(201).extract().path("id");
        newToken(team).then().statusCode(409).body("detail", containsString("You have 100 API tokens"));
        // on the Settings page: said above the form, the name typed kept (the walk: a bare "Conflict" page)
        String login = given().redirects().follow(false).formParam("email", team.adminEmail)
                .formParam("password", TestTeam.PASSWORD).post("/login").getCookie("quarkus-credential");
        io.restassured.response.Response settings = given().cookie("quarkus-credential", login).get("/settings");
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"")
                .matcher(settings.asString());
        org.junit.jupiter.api.Assertions.assertTrue(csrf.find(), "the settings page has a form");
        given().redirects().follow(false).cookie("quarkus-credential", login).cookie("csrf-token", settings.getCookie("csrf-token"))
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", csrf.group(1))
                .formParam("tokenName", "sheet sync").post("/settings/tokens").then().statusCode(409)
                .body(containsString("You have 100 API tokens")).body(containsString("value=\"sheet sync\""))
                .body(containsString("id=\"f-tokenName\""));
        team.api().get("/api/v1/tokens").then().statusCode(200).body("items", hasSize(TokenService.MOST_TOKENS));
        team.api().delete("/api/v1/tokens/" + hundredth).then().statusCode(204);
        newToken(team).then().statusCode(201);
    }

    /** Fifteen asked for at once at 95: five made, and never more than a hundred (a walk: 102 were kept). */
    @Test
    void tokensAskedForAtOnceStopAtAHundred() throws Exception {
        TestTeam team = TestTeam.create();
        storeTokens(team, TokenService.MOST_TOKENS - 6);
        team.api().get("/api/v1/tokens").then().body("items", hasSize(TokenService.MOST_TOKENS - 5));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(15);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> sent = new java.util.ArrayList<>();
            for (int i = 0; i < 15; i++) {
                sent.add(pool.submit(() -> newToken(team).statusCode()));
            }
            java.util.List<Integer> statuses = new java.util.ArrayList<>();
            for (var f : sent) {
                statuses.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            org.junit.jupiter.api.Assertions.assertEquals(5, java.util.Collections.frequency(statuses, 201), statuses.toString());
            org.junit.jupiter.api.Assertions.assertEquals(10, java.util.Collections.frequency(statuses, 409), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        team.api().get("/api/v1/tokens").then().statusCode(200).body("items", hasSize(TokenService.MOST_TOKENS));
    }

    /** {@code count} tokens of the team's admin, stored as a script would have made them. */
    private void storeTokens(TestTeam team, int count) {
        AllTeams.run(() -> {
            for (int i = 0; i < count; i++) {
                em.createNativeQuery("insert into api_token (id, team_id, organizer_id, name, token_hash) values (?1, ?2, ?3, ?4, ?5)")
                        .setParameter(1, UUID.randomUUID()).setParameter(2, UUID.fromString(team.teamId))
                        .setParameter(3, UUID.fromString(team.adminId)).setParameter(4, "script " + i)
                        .setParameter(5, UUID.randomUUID().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .executeUpdate();
            }
        });
    }
}
