package org.groundwork.platform;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 405 says which methods its path takes (RFC 9110: it must), and OPTIONS lists only those: quarkus-rest's
 * 405 carried no Allow, and its OPTIONS listed every method of the resource class, PATCH and DELETE on
 * /api/v1/contacts among them.
 */
@QuarkusTest
class AllowedMethodsTest {

    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

    @Test
    void optionsListsOnlyThePathsOwnMethods() {
        TestTeam team = TestTeam.create();
        team.api().options("/api/v1/contacts").then().statusCode(200).header("Allow", is("GET, HEAD, POST, OPTIONS"));
        team.api().options("/api/v1/contacts/" + UUID.randomUUID()).then().statusCode(200)
                .header("Allow", is("GET, HEAD, PATCH, DELETE, OPTIONS"));
        // a page, and the login form's post, which form login takes before any page does
        given().options("/logout").then().statusCode(200).header("Allow", is("POST, OPTIONS"));
        given().options("/login").then().statusCode(200).header("Allow", is("GET, HEAD, POST, OPTIONS"));
        // a path nothing takes is still a 404; so is one whose slashes are escaped, which the router reads as one
        // segment (a 404 for every method), not as the contacts' path it decodes to
        team.api().options("/api/v1/nothing-here").then().statusCode(404);
        given().urlEncodingEnabled(false).options("/api%2Fv1%2Fcontacts").then().statusCode(404);
        given().urlEncodingEnabled(false).get("/api%2Fv1%2Fcontacts").then().statusCode(404).header("Allow", nullValue());
    }

    @Test
    void a405SaysTheMethodsOfItsPathOnTheApiAndOnPages() {
        TestTeam team = TestTeam.create();
        team.api().delete("/api/v1/contacts").then().statusCode(405).contentType("application/problem+json")
                .header("Allow", is("GET, HEAD, POST, OPTIONS"));
        team.api().put("/api/v1/contacts/" + UUID.randomUUID()).then().statusCode(405)
                .header("Allow", is("GET, HEAD, PATCH, DELETE, OPTIONS"));
        // the router said 404 here: the contacts' class has no PUT, and the ties' class, whose path is longer, none either
        team.api().put("/api/v1/contacts/" + UUID.randomUUID() + "/ties").then().statusCode(405)
                .contentType("application/problem+json").header("Allow", is("GET, HEAD, POST, DELETE, OPTIONS"));
        given().accept("text/html").get("/logout").then().statusCode(405).contentType(containsString("text/html"))
                .header("Allow", is("POST, OPTIONS"));
        given().accept("text/html").delete("/login").then().statusCode(405).header("Allow", is("GET, HEAD, POST, OPTIONS"));
    }

    /**
     * Every path of the API and the pages, with each method it does not take: a 405 whose Allow is what
     * OPTIONS says, and both are the path's own methods (what its operations take, HEAD with GET, OPTIONS).
     */
    @Test
    void everyPathsAllowIsItsOwnMethods() {
        TestTeam team = TestTeam.create();
        Map<String, Set<String>> templates = AllowedMethods.templates();
        assertTrue(templates.size() > 50, templates.toString());
        List<String> wrong = new ArrayList<>();
        int refused = 0;
        for (Map.Entry<String, Set<String>> t : templates.entrySet()) {
            String path = concrete(t.getKey());
            // what every template that matches the path takes (/api/v1/followups/queue is also {id}'s)
            Set<String> own = new LinkedHashSet<>();
            templates.forEach((template, methods) -> {
                if (path.matches(pattern(template))) {
                    own.addAll(methods);
                }
            });
            if (path.equals("/login")) {
                own.add("POST");
            }
            String options = team.api().options(path).then().statusCode(200).extract().header("Allow");
            if (!Set.of(options.split(", ")).equals(expected(own))) {
                wrong.add("OPTIONS " + path + ": " + options + ", expected " + expected(own));
            }
            for (String method : METHODS) {
                if (own.contains(method)) {
                    continue;
                }
                Response answer = team.api().request(method, path);
                refused++;
                if (answer.statusCode() != 405 || !options.equals(answer.header("Allow"))) {
                    wrong.add(method + " " + path + ": " + answer.statusCode() + " Allow " + answer.header("Allow"));
                }
            }
        }
        assertTrue(refused > 100, "methods tried: " + refused);
        assertEquals(List.of(), wrong);
    }

    /**
     * The route table the walk above takes its methods from, checked against a source of its own for the
     * API: the operations of the served OpenAPI document (which OpenApiDocumentTest keeps equal to
     * docs/openapi.yaml), path by path, parameter names aside. A route AllowedMethods failed to read would
     * be missing from both the walk's expectation and its answers; here it is missing from one side only.
     */
    @Test
    void theApisRouteTableIsTheOpenApiDocumentsOperations() {
        Map<String, Map<String, Object>> paths = given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        Map<String, Set<String>> documented = new java.util.TreeMap<>();
        paths.forEach((path, operations) -> operations.keySet().stream()
                .filter(METHODS.stream().map(m -> m.toLowerCase(java.util.Locale.ROOT)).toList()::contains)
                .forEach(m -> documented.computeIfAbsent(shape(path), k -> new java.util.TreeSet<>())
                        .add(m.toUpperCase(java.util.Locale.ROOT))));
        Map<String, Set<String>> routed = new java.util.TreeMap<>();
        AllowedMethods.templates().forEach((template, methods) -> {
            // the tests' own resources (src/test) are not in the document
            if (template.startsWith("/api/") && !template.startsWith("/api/v1/test-only/")) {
                routed.put(shape(template), new java.util.TreeSet<>(methods));
            }
        });
        assertTrue(documented.size() > 30, documented.toString());
        assertEquals(documented, routed);
    }

    /** A template with its parameters unnamed: /api/v1/contacts/{}/ties. */
    private static String shape(String template) {
        return template.replaceAll("\\{[^}]*}", "{}");
    }

    private static Set<String> expected(Set<String> own) {
        Set<String> all = new LinkedHashSet<>(own);
        if (own.contains("GET")) {
            all.add("HEAD");
        }
        all.add("OPTIONS");
        return all;
    }

    /** The template as a regular expression: a parameter is one segment, or its own expression. */
    private static String pattern(String template) {
        StringBuilder regex = new StringBuilder();
        for (String part : template.split("((?=\\{)|(?<=\\}))")) {
            if (part.startsWith("{")) {
                int colon = part.indexOf(':');
                regex.append(colon < 0 ? "[^/]+" : "(" + part.substring(colon + 1, part.length() - 1) + ")");
            } else {
                regex.append(java.util.regex.Pattern.quote(part));
            }
        }
        return regex.toString();
    }

    /** A path the template matches: ids as a random id, a choice as its first word. */
    private static String concrete(String template) {
        String id = UUID.randomUUID().toString();
        return template.replaceAll("\\{[^}:]+:([^|}]+)[^}]*}", "$1").replaceAll("\\{[^}]+}", id);
    }
}
