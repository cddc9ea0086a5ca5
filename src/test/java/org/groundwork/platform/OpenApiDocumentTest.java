package org.groundwork.platform;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * docs/openapi.yaml is the document the app serves, byte for byte: CI lints that file with
 * Spectral and the client test generates its client from it, so it must never drift from
 * the code. Refresh it with the command in {@link #REFRESH}.
 */
@QuarkusTest
class OpenApiDocumentTest {

    static final Path COMMITTED = Path.of("docs/openapi.yaml");
    static final String REFRESH = "./mvnw -B test -Dtest=OpenApiDocumentTest -Dgroundwork.openapi.refresh=true";

    @Test
    void theCommittedDocumentIsTheServedOne() throws IOException {
        String served = given().accept("application/yaml").get("/q/openapi?format=yaml")
                .then().statusCode(200).extract().asString();
        if (Boolean.getBoolean("groundwork.openapi.refresh")) {
            Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(COMMITTED)) {
            fail(COMMITTED + " is missing; write it with: " + REFRESH);
        }
        // ApiDocument's own markers (x-groundwork-etag) are read and removed, wherever the scanner put them
        assertFalse(served.contains("x-groundwork-"), "an internal marker reached the API document");
        assertEquals(Files.readString(COMMITTED, StandardCharsets.UTF_8), served,
                COMMITTED + " is not the document the app serves (an API change?). Refresh it with: " + REFRESH
                        + " and commit it; CI lints it with Spectral (.ci/run)");
    }

    /**
     * What Spectral checks in CI, and what it does not, checked here too so that a machine with
     * only a JDK sees it: API paths only; each operation named, described and tagged with a
     * defined tag; every error answer a problem; anonymous only where meant.
     */
    @Test
    @SuppressWarnings("unchecked")
    void everyOperationIsNamedDescribedTaggedAndAnswersProblems() {
        var doc = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        Set<String> definedTags = new HashSet<>(doc.getList("tags.name"));
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        List<String> wrong = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> anonymous = new HashSet<>();
        for (var path : paths.entrySet()) {
            if (!path.getKey().startsWith("/api/v1/")) {
                wrong.add(path.getKey() + " is not an API path");
            }
            for (var entry : path.getValue().entrySet()) {
                String name = entry.getKey().toUpperCase() + " " + path.getKey();
                Map<String, Object> op = entry.getValue();
                if (!(op.get("operationId") instanceof String id) || !ids.add(id)) {
                    wrong.add(name + ": no operationId, or one used twice");
                }
                for (String field : List.of("summary", "description")) {
                    if (!(op.get(field) instanceof String text) || text.isBlank()) {
                        wrong.add(name + ": no " + field);
                    }
                }
                List<String> tags = (List<String>) op.get("tags");
                if (tags == null || tags.isEmpty() || !definedTags.containsAll(tags)) {
                    wrong.add(name + ": tags " + tags + " not defined");
                }
                List<Object> security = (List<Object>) op.get("security");
                if (security != null && security.isEmpty()) {
                    anonymous.add(name);
                }
                var responses = (Map<String, Map<String, Object>>) op.get("responses");
                // a change that takes If-Match gives the new ETag back, and so does the read of the same
                // resource: a client generated from the document sees where the ETag comes from
                // (an If-Match to what has no version, or to another resource than the one answered, aside: one's
                // preferences, a level change, which is the contact's)
                boolean takesIfMatch = ((List<Map<String, Object>>) op.getOrDefault("parameters", List.of())).stream()
                        .anyMatch(OpenApiDocumentTest::versionOfTheAnswer);
                // (a DELETE's If-Match says nothing of the read: a tie's list has none, its DELETE refuses any version)
                boolean readOfAChangeable = entry.getKey().equals("get") && path.getValue().entrySet().stream()
                        .filter(o -> !o.getKey().equals("delete")).map(Map.Entry::getValue)
                        .anyMatch(o -> ((List<Map<String, Object>>) o.getOrDefault("parameters", List.of())).stream()
                                .anyMatch(OpenApiDocumentTest::versionOfTheAnswer));
                if ((takesIfMatch && !entry.getKey().equals("delete")) || readOfAChangeable) {
                    boolean etag = responses.entrySet().stream().anyMatch(r -> r.getKey().startsWith("2")
                            && r.getValue().get("headers") instanceof Map<?, ?> h && h.containsKey("ETag"));
                    if (!etag) {
                        wrong.add(name + ": its answer's ETag is not declared (@Extension ApiDocument.ETAG)");
                    }
                }
                // every operation refuses a query parameter it does not read (a DELETE a body too): 400 was
                // undeclared where an operation had no input of its own (a walk)
                if (!responses.containsKey("400")) {
                    wrong.add(name + ": 400 is not declared");
                }
                // an erased contact named in the path answers 410, undeclared until a walk asked
                if (path.getKey().startsWith("/api/v1/contacts/{") && !responses.containsKey("410")) {
                    wrong.add(name + ": 410 is not declared");
                }
                for (var response : responses.entrySet()) {
                    if (response.getKey().matches("[45]\\d\\d")) {
                        var content = (Map<String, Object>) response.getValue().get("content");
                        if (content == null || !content.containsKey("application/problem+json")) {
                            wrong.add(name + ": " + response.getKey() + " is not application/problem+json");
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(Set.of("POST /api/v1/setup", "POST /api/v1/tokens"), anonymous, "the anonymous operations");
        assertTrue(doc.getMap("components.securitySchemes").containsKey("bearer"), "the bearer scheme is defined");
        assertEquals(List.of("type", "title", "status"), doc.getList("components.schemas.Problem.required"));
        assertTrue(doc.getMap("components.schemas.Problem.properties").keySet().containsAll(
                List.of("type", "title", "status", "detail", "instance", "errors")));
    }

    /** An If-Match parameter naming the version of what the operation answers (not "only *", not another's). */
    private static boolean versionOfTheAnswer(Map<String, Object> parameter) {
        Object description = parameter.get("description");
        return "If-Match".equals(parameter.get("name")) && !ETags.UNVERSIONED.equals(description)
                && !org.groundwork.contact.ContactResource.LEVEL_IF_MATCH.equals(description);
    }
}
