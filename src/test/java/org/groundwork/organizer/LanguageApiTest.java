package org.groundwork.organizer;

import io.quarkus.test.junit.QuarkusTest;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Issue 12, languages: the language of an organizer's pages is in the API. GET /me and the organizer
 * resource show it; PATCH /me changes one's own (the same choice as Settings), and the pages follow.
 */
@QuarkusTest
class LanguageApiTest {

    @Test
    void meShowsAndChangesTheLanguageOfMyPages() {
        TestTeam team = TestTeam.create();
        TestTeam.Member member = team.member("organizer");
        team.api().get("/api/v1/me").then().statusCode(200).body("organizer.language", equalTo("en"));

        team.api().body(Map.of("language", "es")).patch("/api/v1/me").then().statusCode(200)
                .body("organizer.language", equalTo("es")).body("team.id", equalTo(team.teamId));
        team.api().get("/api/v1/me").then().body("organizer.language", equalTo("es"));
        team.api().get("/api/v1/organizers/" + team.adminId).then().statusCode(200).body("language", equalTo("es"));
        team.api().get("/api/v1/organizers").then().body("items.language", hasItem("es"));
        // one's own: the member is still in English
        member.api().get("/api/v1/me").then().body("organizer.language", equalTo("en"));

        // the pages follow, whatever the browser asks for
        String login = given().redirects().follow(false).formParam("email", team.adminEmail)
                .formParam("password", TestTeam.PASSWORD).post("/login").getCookie("quarkus-credential");
        given().cookie("quarkus-credential", login).header("Accept-Language", "en").get("/")
                .then().statusCode(200).body(containsString("<html lang=\"es\">"));

        // leaving it out changes nothing; a language Groundwork has no pages in, or none, is refused
        team.api().body(Map.of()).patch("/api/v1/me").then().statusCode(200).body("organizer.language", equalTo("es"));
        team.api().body(Map.of("language", "fr")).patch("/api/v1/me").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("language"));
        Map<String, Object> none = new HashMap<>();
        none.put("language", null);
        team.api().body(none).patch("/api/v1/me").then().statusCode(400).body("errors[0].field", equalTo("language"));
        team.api().get("/api/v1/me").then().body("organizer.language", equalTo("es"));

        team.api().body(Map.of("language", "en")).patch("/api/v1/me").then().statusCode(200)
                .body("organizer.language", equalTo("en"));
    }
}
