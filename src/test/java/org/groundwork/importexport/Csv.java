package org.groundwork.importexport;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.groundwork.support.TestTeam;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Test helpers: post a file to the importer, read a team's contacts back. */
final class Csv {

    private Csv() {
    }

    static Response post(String token, byte[] file, String query) {
        return given().auth().oauth2(token).contentType("text/csv").accept("application/json")
                .body(file)
                .post("/api/v1/imports/contacts" + (query == null || query.isEmpty() ? "" : "?" + query));
    }

    static Response post(TestTeam team, String file, String query) {
        return post(team.token, file.getBytes(StandardCharsets.UTF_8), query);
    }

    /** Imports and expects a 200 answer. */
    static JsonPath imported(TestTeam team, String file, String query) {
        return post(team, file, query).then().statusCode(200).extract().jsonPath();
    }

    static JsonPath imported(TestTeam team, String file) {
        return imported(team, file, "");
    }

    /** The team's contacts (up to 200), oldest first. */
    static List<Map<String, Object>> contacts(TestTeam team) {
        return team.api().queryParam("limit", 200).get("/api/v1/contacts")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    static Map<String, Object> contactNamed(TestTeam team, String name) {
        return contacts(team).stream().filter(c -> name.equals(c.get("fullName"))).findFirst()
                .orElseThrow(() -> new AssertionError("no contact named " + name + " in " + contacts(team)));
    }
}
