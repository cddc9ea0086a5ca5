package org.groundwork.platform;

import io.quarkus.test.junit.QuarkusTest;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

@QuarkusTest
class OperationsTest {

    @Test
    void healthIncludesTheDatabase() {
        given().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"))
                .body("checks.name", hasItem(containsString("Database")));
    }

    @Test
    void prometheusMetricsAreExposed() {
        TestTeam.create().api().get("/api/v1/me").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void openApiDescribesTheApi() {
        given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", hasKey("/api/v1/setup"))
                .body("paths", hasKey("/api/v1/tokens"))
                .body("paths", hasKey("/api/v1/organizers/{id}"))
                .body("components.schemas", hasKey("Setup"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void unknownPathsAndMethodsAreProblems() {
        var team = TestTeam.create();
        team.api().get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json");
        team.api().delete("/api/v1/me").then().statusCode(405).contentType("application/problem+json");
        team.api().accept("text/csv").get("/api/v1/me").then().statusCode(406).contentType("application/problem+json");
        team.api().get("/api/v1/organizers/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
        team.api().get("/api/v1/organizers?limit=500").then().statusCode(400).body("errors[0].field", is("limit"));
        team.api().get("/api/v1/organizers?cursor=%%%").then().statusCode(400).body("errors[0].field", is("cursor"));
    }

    @Test
    void listsPageWithCursors() {
        var team = TestTeam.create();
        team.member("organizer");
        team.member("organizer");
        var first = team.api().get("/api/v1/organizers?limit=2").then().statusCode(200)
                .body("items", hasSize(2)).body("nextCursor", notNullValue()).extract().jsonPath();
        team.api().queryParam("limit", 2).queryParam("cursor", first.getString("nextCursor"))
                .get("/api/v1/organizers").then().statusCode(200)
                .body("items", hasSize(1)).body("nextCursor", nullValue())
                .body("items[0].id", not(isOneOf(first.getString("items[0].id"), first.getString("items[1].id"))));
    }
}
