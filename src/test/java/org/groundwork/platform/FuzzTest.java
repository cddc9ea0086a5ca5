package org.groundwork.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every operation the API document lists, sent what an attacker would send: malformed and
 * hostile bodies, each declared field replaced by a NUL, 100,000 characters, a number, a list,
 * an object; hostile path ids and query values. Nothing may answer 500 (or any 5xx), and every
 * refusal is problem+json.
 */
@QuarkusTest
class FuzzTest {

    private static final String LONG = "x".repeat(100_000);
    private static final List<Object> HOSTILE_VALUES = List.of("a\u0000b", LONG, -2147483648L, 1.5e308, true,
            List.of(1, "a"), Map.of("a", 1), "", "2019-02-30", "'; drop table contact; --");
    private static final List<String> HOSTILE_BODIES = List.of("", "{", "[]", "null", "123", "\"text\"",
            "{\"a\":\"\\u0000\"}", "[{\"contactId\":\"x\"}]", "{\"" + "k".repeat(5000) + "\":1}");
    private static final List<String> HOSTILE_IDS = List.of("not-an-id", UUID.randomUUID().toString(), "%00",
            "..%2F..%2Fetc", "1;drop", "x".repeat(2000));
    private static final List<String> HOSTILE_QUERY = List.of("%00", "-1", "abc", "9".repeat(40),
            "1900-13-45", "x".repeat(3000), "%3Cscript%3E");

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL base;
    /** The app's address without the trailing slash: the paths that follow start with one. */
    private String root;

    @Test
    void noOperationAnswersA5xxToHostileInput() {
        root = base.toString().replaceAll("/$", "");
        TestTeam team = TestTeam.create();
        JsonPath doc = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (var path : paths.entrySet()) {
            if (!path.getKey().startsWith("/api/v1")) {
                continue;
            }
            for (var op : path.getValue().entrySet()) {
                String method = op.getKey().toUpperCase();
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                Map<String, Object> operation = op.getValue();
                for (String id : HOSTILE_IDS) {
                    String url = path.getKey().replaceAll("\\{[^}]+}", id);
                    requests++;
                    check(failures, method + " " + url, send(team, method, url, "{}", "application/json"));
                }
                String url = path.getKey().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                for (String name : queryParameters(operation)) {
                    for (String value : HOSTILE_QUERY) {
                        requests++;
                        check(failures, method + " " + url + "?" + name + "=" + abbreviate(value),
                                send(team, method, url + "?" + name + "=" + value, null, null));
                    }
                }
                if (!method.equals("GET") && !method.equals("DELETE")) {
                    for (String body : HOSTILE_BODIES) {
                        requests++;
                        check(failures, method + " " + url + " body " + abbreviate(body),
                                send(team, method, url, body, "application/json"));
                    }
                    if (path.getKey().equals("/api/v1/tokens") || path.getKey().equals("/api/v1/setup")) {
                        continue; // wrong passwords here would count against the test client's address
                    }
                    for (String field : bodyFields(doc, operation)) {
                        for (Object value : HOSTILE_VALUES) {
                            Map<String, Object> body = new LinkedHashMap<>();
                            body.put(field, value);
                            requests++;
                            check(failures, method + " " + url + " " + field + "=" + abbreviate(String.valueOf(value)),
                                    send(team, method, url, body, "application/json"));
                        }
                    }
                }
            }
        }
        System.out.printf("Fuzzed %d requests over %d paths: %d answers of 500 or more%n", requests, paths.size(),
                failures.size());
        assertTrue(requests > 1000, "the document lists the API: " + requests + " requests");
        assertTrue(failures.isEmpty(), String.join("\n", failures.subList(0, Math.min(30, failures.size()))));
    }

    /**
     * The request as RestAssured sent it (given().urlEncodingEnabled(false), the bearer token, Accept
     * and, with a body, its Content-Type; a map as Jackson writes it), HTTP/1.1 as the URL is
     * written, through the JDK's client: over two thousand requests, RestAssured's own work per
     * request was about a third of this test's time.
     */
    private HttpResponse<String> send(TestTeam team, String method, String url, Object body, String type) {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(root + url))
                .header("Authorization", "Bearer " + team.token).header("Accept", "application/json");
        try {
            if (body != null) {
                r.header("Content-Type", type).method(method, HttpRequest.BodyPublishers.ofString(
                        body instanceof String text ? text : JSON.writeValueAsString(body)));
            } else {
                r.method(method, HttpRequest.BodyPublishers.noBody());
            }
            return CLIENT.send(r.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + abbreviate(url), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void check(List<String> failures, String what, HttpResponse<String> r) {
        int status = r.statusCode();
        String type = r.headers().firstValue("Content-Type").orElse("");
        if (status >= 500) {
            failures.add(status + " for " + what + ": " + abbreviate(r.body()));
        } else if (status >= 400 && !type.startsWith("application/problem+json")) {
            failures.add(status + " without problem+json (" + type + ") for " + what);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> queryParameters(Map<String, Object> operation) {
        List<String> names = new ArrayList<>();
        Object parameters = operation.get("parameters");
        if (parameters instanceof List<?> list) {
            for (Object p : list) {
                Map<String, Object> parameter = (Map<String, Object>) p;
                if ("query".equals(parameter.get("in"))) {
                    names.add((String) parameter.get("name"));
                }
            }
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private static List<String> bodyFields(JsonPath doc, Map<String, Object> operation) {
        Object requestBody = operation.get("requestBody");
        if (!(requestBody instanceof Map<?, ?> rb) || !(rb.get("content") instanceof Map<?, ?> content)
                || !(content.get("application/json") instanceof Map<?, ?> json)
                || !(json.get("schema") instanceof Map<?, ?> schema)) {
            return List.of();
        }
        Map<String, Object> resolved = (Map<String, Object>) schema;
        if (resolved.get("items") instanceof Map<?, ?> items) {
            resolved = (Map<String, Object>) items;
        }
        if (resolved.get("$ref") instanceof String ref) {
            resolved = doc.getMap("components.schemas." + ref.substring(ref.lastIndexOf('/') + 1));
        }
        if (resolved == null || !(resolved.get("properties") instanceof Map<?, ?> properties)) {
            return List.of();
        }
        return new ArrayList<>((java.util.Set<String>) properties.keySet());
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…(" + s.length() + ")" : s;
    }
}
