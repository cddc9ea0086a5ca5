package org.groundwork.platform;

import io.quarkus.test.junit.QuarkusTest;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.is;

/**
 * A stale If-Match was ignored where the operation declared none (a walk): a merge, which cannot be undone, went
 * through with If-Match "999", and so did a level change and one's preferences. A merge and a level change check it
 * against the version they change (the organization's, the contact's); one's preferences have none, so any If-Match
 * but * is a 412, as a tie's DELETE answers.
 */
@QuarkusTest
class IfMatchOnEveryWriteTest {

    @Test
    void aMergeALevelChangeAndOnesPreferencesRefuseAStaleIfMatch() {
        TestTeam team = TestTeam.create();
        // a level change: the contact's version
        String contact = team.api().body(Map.of("fullName", "Versioned Vera")).post("/api/v1/contacts")
                .then().statusCode(201).extract().path("id");
        String read = team.api().get("/api/v1/contacts/" + contact).then().extract().header("ETag");
        team.api().header("If-Match", read).body(Map.of("notes", "changed in another tab"))
                .patch("/api/v1/contacts/" + contact).then().statusCode(200);
        team.api().header("If-Match", read).body(Map.of("level", "less-involved", "reason", "came twice"))
                .post("/api/v1/contacts/" + contact + "/level").then().statusCode(412);
        team.api().get("/api/v1/contacts/" + contact).then().body("engagementLevel", is("new"));
        String now = team.api().get("/api/v1/contacts/" + contact).then().extract().header("ETag");
        team.api().header("If-Match", now).body(Map.of("level", "less-involved", "reason", "came twice"))
                .post("/api/v1/contacts/" + contact + "/level").then().statusCode(201);

        // a merge: the merged organization's version
        String from = team.api().body(Map.of("name", "Old Depot")).post("/api/v1/organizations").then().statusCode(201).extract().path("id");
        String into = team.api().body(Map.of("name", "New Depot")).post("/api/v1/organizations").then().statusCode(201).extract().path("id");
        String seen = team.api().get("/api/v1/organizations/" + from).then().extract().header("ETag");
        team.api().header("If-Match", seen).body(Map.of("name", "Old Depot East"))
                .patch("/api/v1/organizations/" + from).then().statusCode(200);
        team.api().header("If-Match", seen).body(Map.of("intoOrganizationId", into))
                .post("/api/v1/organizations/" + from + "/merge").then().statusCode(412);
        team.api().get("/api/v1/organizations/" + from).then().statusCode(200);
        String current = team.api().get("/api/v1/organizations/" + from).then().extract().header("ETag");
        team.api().header("If-Match", current).body(Map.of("intoOrganizationId", into))
                .post("/api/v1/organizations/" + from + "/merge").then().statusCode(200);
        team.api().get("/api/v1/organizations/" + from).then().statusCode(404);

        // one's preferences: no version
        team.api().header("If-Match", "\"999\"").body(Map.of("language", "es")).patch("/api/v1/me").then().statusCode(412);
        team.api().get("/api/v1/me").then().body("organizer.language", is("en"));
        team.api().header("If-Match", "*").body(Map.of("language", "es")).patch("/api/v1/me").then().statusCode(200);
        team.api().body(Map.of("language", "en")).patch("/api/v1/me").then().statusCode(200);
    }
}
