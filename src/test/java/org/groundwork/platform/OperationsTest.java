package org.groundwork.platform;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

@QuarkusTest
class OperationsTest {

    /** Health and metrics live on the management interface, not on the app's port. */
    @TestHTTPResource(value = "/", management = true)
    URL management;

    /** A path under the management interface's root (/q). */
    private String management(String path) {
        return management.toString().replaceAll("/$", "") + path;
    }

    @Test
    void healthIncludesTheDatabase() {
        given().get(management("/health/live")).then().statusCode(200).body("status", is("UP"));
        given().get(management("/health/ready")).then().statusCode(200).body("status", is("UP"))
                .body("checks.name", hasItem(containsString("Database")));
    }

    @Test
    void prometheusMetricsAreExposedOnlyOnTheManagementInterface() {
        TestTeam.create().api().get("/api/v1/me").then().statusCode(200);
        given().get(management("/metrics")).then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("jvm_memory_used_bytes"));
        // the port the app is served on does not show them, to anyone
        given().get("/q/metrics").then().statusCode(404);
        given().auth().oauth2(TestTeam.instanceToken()).get("/q/metrics").then().statusCode(404);
        given().get("/q/health").then().statusCode(404);
    }

    /**
     * The management port is reached by the operators' tools, but anyone on the host (or the pod's
     * network) can send it anything: a bad escape wrote an ERROR with a stack trace per request,
     * health answered any method, and a scraper asking for JSON got an empty 406.
     */
    private String raw(String request) {
        try {
            return BadInputTest.raw(management.getPort(), request);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theManagementPortAnswersBadRequestsClearlyAndLogsNoError() {
        var errors = BadInputTest.severeDuring(() -> {
            for (String path : List.of("/q/health/%zz", "/q/health/ready/%zz", "/q/metrics/%zz")) {
                String answer = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
                org.junit.jupiter.api.Assertions.assertTrue(answer.startsWith("HTTP/1.1 400"), path + ": " + answer);
                org.junit.jupiter.api.Assertions.assertTrue(answer.contains("application/problem+json"), path + ": " + answer);
            }
            given().post(management("/health/ready")).then().statusCode(405).header("Allow", containsString("GET"))
                    .contentType("application/problem+json");
            given().delete(management("/metrics")).then().statusCode(405).contentType("application/problem+json");
            given().accept("application/json").get(management("/metrics")).then().statusCode(200)
                    .body(containsString("jvm_memory_used_bytes"));
            given().get(management("/nothing-here")).then().statusCode(404);
        });
        org.junit.jupiter.api.Assertions.assertEquals(List.of(), errors.stream().map(r -> r.getLoggerName() + ": " + r.getMessage()).toList());
    }

    @Test
    void httpsAnswersCarryHstsOnlyWhenTheRequestCameOverHttps() {
        // the test profile trusts X-Forwarded-* (as a deployment behind its proxy would)
        given().header("X-Forwarded-Proto", "https").get("/login").then().statusCode(200)
                .header("Strict-Transport-Security", containsString("max-age="));
        given().get("/login").then().statusCode(200).header("Strict-Transport-Security", nullValue());
        // answers written before the REST layer too: a refusal at the door, the login form's own answer
        given().header("X-Forwarded-Proto", "https").get("/contacts?q=" + "x".repeat(9000)).then().statusCode(414)
                .header("Strict-Transport-Security", containsString("max-age="));
        given().header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "10.39.0." + (1 + new java.util.Random().nextInt(250)))
                .redirects().follow(false).formParam("email", "nobody-" + TestTeam.unique() + "@example.org")
                .formParam("password", "not-this-one").post("/login")
                .then().statusCode(303).header("Strict-Transport-Security", containsString("max-age="));
        // and what the router refuses before any handler runs (a path that does not start with /)
        try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("OPTIONS * HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-Proto: https\r\n\r\n"
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            StringBuilder answer = new StringBuilder();
            byte[] buffer = new byte[4096];
            for (int n; answer.indexOf("}") < 0 && (n = socket.getInputStream().read(buffer)) > 0; ) {
                answer.append(new String(buffer, 0, n, java.nio.charset.StandardCharsets.UTF_8));
            }
            org.junit.jupiter.api.Assertions.assertTrue(answer.toString().startsWith("HTTP/1.1 404")
                    && answer.toString().contains("Strict-Transport-Security: max-age="), answer.toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Forwarding is off by default: a client that claims to have come over HTTPS through a proxy
     * (X-Forwarded-Proto, -For, -Host) gets no Secure cookie and no HSTS, as on plain HTTP. Behind
     * a real proxy, quarkus.http.proxy.* turns it on for the proxy's address only; the
     * two-instance test (.ci/two-instances.sh) checks that through HAProxy.
     */
    @Test
    void openApiDescribesTheApi() {
        given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", hasKey("/api/v1/setup"))
                .body("paths", hasKey("/api/v1/tokens"))
                .body("paths", hasKey("/api/v1/organizers/{id}"))
                .body("components.schemas", hasKey("Setup"));
        var doc = given().accept("application/json").get("/q/openapi?format=json").then().extract().jsonPath();
        for (String path : java.util.List.of("/api/v1/setup", "/api/v1/teams", "/api/v1/me", "/api/v1/tokens",
                "/api/v1/tokens/{id}", "/api/v1/organizers", "/api/v1/contacts", "/api/v1/contacts/{id}",
                "/api/v1/contacts/{id}/level", "/api/v1/contacts/{id}/timeline", "/api/v1/conversations",
                "/api/v1/conversations/{id}", "/api/v1/followups", "/api/v1/followups/{id}", "/api/v1/followups/queue",
                "/api/v1/works", "/api/v1/works/{id}", "/api/v1/actions", "/api/v1/actions/{id}",
                "/api/v1/actions/{id}/attendance", "/api/v1/organizations")) {
            org.junit.jupiter.api.Assertions.assertNotNull(doc.get("paths['" + path + "']"), path + " is documented");
        }
        // response and PATCH body schemas are described, not just "object"
        for (String schema : java.util.List.of("ContactView", "ContactChange", "ConversationView", "FollowUpView",
                "ActionView", "WorkView", "WorkChange", "OrganizationView", "LevelChangeView")) {
            org.junit.jupiter.api.Assertions.assertNotNull(doc.get("components.schemas." + schema), schema + " schema");
        }
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void unknownPathsAndMethodsAreProblems() {
        var team = TestTeam.create();
        // titled as the app's own 404s are (an id of no row of the team): one wording for "not found"
        team.api().get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json")
                .body("title", is("Not found"));
        team.api().get("/api/v1/contacts/" + java.util.UUID.randomUUID()).then().statusCode(404).body("title", is("Not found"));
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
