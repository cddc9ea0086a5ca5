package org.groundwork.platform;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The business counters move by exactly what a round of organizing work did, and the metrics
 * text carries nothing personal. Tests run one at a time in this JVM, so differences between a
 * scrape before and one after are this test's own.
 */
@QuarkusTest
class MetricsTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    private String scrape() {
        return given().get(management.toString().replaceAll("/$", "") + "/metrics")
                .then().statusCode(200).extract().asString();
    }

    /** The sum of the samples of {@code name} whose labels include all {@code labels} (k, v, ...). */
    static double value(String text, String name, String... labels) {
        double sum = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || !(line.startsWith(name + "{") || line.startsWith(name + " "))) {
                continue;
            }
            boolean all = true;
            for (int i = 0; i < labels.length; i += 2) {
                all &= line.contains(labels[i] + "=\"" + labels[i + 1] + "\"");
            }
            if (all) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    static Map<String, Object> map(Object... pairs) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    static String phone() {
        return "555" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
    }

    @Test
    void businessCountersMoveByWhatWasDoneAndSayNothingPersonal() throws Exception {
        TestTeam team = TestTeam.create();
        String u = TestTeam.unique();
        String name = "Marisol Quintero" + u, email = "marisol" + u + "@tenants.test", phone = phone();
        String doorName = "Door Walker" + u, doorPhone = phone();
        String importName = "Imported Person" + u, importEmail = "imported" + u + "@tenants.test";
        String before = scrape();

        String contact = team.api().body(Map.of("fullName", name, "email", email, "phone", phone))
                .post("/api/v1/contacts").then().statusCode(201).extract().path("id");
        String conversation = team.api().body(Map.of("contactId", contact, "durationMinutes", 20, "summary", "rent strike"))
                .post("/api/v1/conversations").then().statusCode(201).extract().path("id");

        // one known person who has been before (not a first-timer), one checked in at the door (a first-timer)
        String action = team.api().body(Map.of("title", "Picket", "startsAt", "2026-05-01T06:00:00Z", "durationMinutes", 90))
                .post("/api/v1/actions").then().statusCode(201).extract().path("id");
        var attendance = team.api().body(List.of(map("contactId", contact, "firstTime", false),
                        map("newContact", Map.of("fullName", doorName, "phone", doorPhone))))
                .put("/api/v1/actions/" + action + "/attendance").then().statusCode(200)
                .body("firstTimerCount", org.hamcrest.Matchers.is(1)).extract().jsonPath();
        String doorContact = attendance.getString("attendance[1].contactId");

        String followUp = team.api().body(Map.of("contactId", contact, "dueOn", LocalDate.now().plusDays(3).toString(),
                        "reason", "keep-in-touch"))
                .post("/api/v1/followups").then().statusCode(201).extract().path("id");
        team.api().body(Map.of("status", "done")).patch("/api/v1/followups/" + followUp).then().statusCode(200);

        // two new people, one row without a name (skipped or an error, counted either way)
        given().auth().oauth2(team.token).contentType("text/csv").accept("application/json")
                .body(("Name,Email\n" + importName + "," + importEmail + "\nSecond Import" + u + ",\n").getBytes())
                .post("/api/v1/imports/contacts").then().statusCode(200)
                .body("created", org.hamcrest.Matchers.is(2));
        // a dry run is a preview: not counted
        given().auth().oauth2(team.token).contentType("text/csv").accept("application/json")
                .body(("Name\nDry Run" + u + "\n").getBytes())
                .post("/api/v1/imports/contacts?dryRun=true").then().statusCode(200);

        given().auth().oauth2(team.token).get("/api/v1/exports/contacts.csv?q=" + name).then().statusCode(200)
                .extract().asByteArray();
        String period = "?from=" + LocalDate.now().minusDays(30) + "&to=" + LocalDate.now();
        team.api().get("/api/v1/reports/time" + period).then().statusCode(200);
        team.api().get("/api/v1/reports/movement" + period).then().statusCode(200);

        // the export is counted when its last row has gone out, just after the client read it
        String after = scrape();
        for (int i = 0; i < 50 && value(after, "groundwork_exports_total", "kind", "contacts")
                == value(before, "groundwork_exports_total", "kind", "contacts"); i++) {
            Thread.sleep(100);
            after = scrape();
        }

        assertMoved(before, after, 1, "groundwork_conversations_logged_total");
        assertMoved(before, after, 1, "groundwork_checkins_total", "first_time", "true");
        assertMoved(before, after, 1, "groundwork_checkins_total", "first_time", "false");
        // the first-timer's follow-up after the action, and the one opened by hand
        assertMoved(before, after, 1, "groundwork_followups_opened_total", "reason", "after-action");
        assertMoved(before, after, 1, "groundwork_followups_opened_total", "reason", "keep-in-touch");
        assertMoved(before, after, 1, "groundwork_followups_done_total", "reason", "keep-in-touch");
        assertMoved(before, after, 0, "groundwork_followups_done_total", "reason", "after-action");
        assertMoved(before, after, 2, "groundwork_imports_rows_total", "outcome", "created");
        assertMoved(before, after, 0, "groundwork_imports_rows_total", "outcome", "updated");
        assertMoved(before, after, 1, "groundwork_imports_duration_seconds_count");
        assertMoved(before, after, 1, "groundwork_exports_total", "kind", "contacts");
        assertMoved(before, after, 0, "groundwork_exports_total", "kind", "conversations");
        assertMoved(before, after, 1, "groundwork_reports_duration_seconds_count", "kind", "time");
        assertMoved(before, after, 1, "groundwork_reports_duration_seconds_count", "kind", "movement");
        assertTrue(value(after, "groundwork_reports_duration_seconds_sum", "kind", "time") > 0);
        // login outcomes exist from the start, for the login code to count
        for (String outcome : List.of("ok", "failed", "throttled")) {
            assertTrue(after.contains("groundwork_logins_total{") && after.contains("outcome=\"" + outcome + "\""), outcome);
        }

        // the connection pool's own series
        for (String series : List.of("agroal_active_count", "agroal_available_count", "agroal_awaiting_count",
                "agroal_max_used_count")) {
            assertTrue(after.lines().anyMatch(l -> l.startsWith(series)), series + " in " + after.lines()
                    .filter(l -> l.startsWith("agroal")).toList());
        }

        // nothing personal, and no team or contact ids (cardinality, and who is busy is nobody's business)
        for (String secret : List.of(name, email, phone, doorName, doorPhone, importName, importEmail,
                "Second Import" + u, "Marisol", "rent strike", team.teamId, team.adminId, team.adminEmail, contact,
                doorContact, conversation, followUp, action)) {
            assertFalse(after.contains(secret), "the metrics text holds " + secret);
        }
    }

    @Test
    void loginsAreCountedByOutcome() {
        TestTeam team = TestTeam.create();
        String address = "203.0.113." + ThreadLocalRandom.current().nextInt(1, 250);
        String before = scrape();
        for (String password : new String[]{"wrong one", TestTeam.PASSWORD}) {
            given().header("X-Forwarded-For", address).contentType("application/json")
                    .body(map("email", team.adminEmail, "password", password, "name", "metrics"))
                    .post("/api/v1/tokens");
        }
        String after = scrape();
        assertMoved(before, after, 1, "groundwork_logins_total", "outcome", "failed");
        assertMoved(before, after, 1, "groundwork_logins_total", "outcome", "ok");
    }

    /**
     * A path or method the client made up is never a label of its own: before, every refusal at the door,
     * 405 and client gone became a label named by its raw path, and after a hundred of them micrometer
     * counted no new label, so an endpoint first called later went unmeasured; every method became one,
     * with no cap at all. Each unique path and the method below are sent, then looked for in the text.
     */
    @Test
    void requestsNoEndpointTookAreLabelledByWhatHappenedNotByTheirPath() throws Exception {
        TestTeam team = TestTeam.create();
        String mark = "made-up-" + java.util.UUID.randomUUID();
        String before = scrape();
        // were the cap reached, a new label would be dropped anyway and its absence prove nothing
        long uris = before.lines().filter(l -> l.startsWith("http_server_requests_seconds_count"))
                .map(l -> l.replaceAll(".*uri=\"([^\"]*)\".*", "$1")).distinct().count();
        assertTrue(uris < uriCap() / 2, uris + " uri labels already, against a cap of " + uriCap());
        // refused at the door: no length (411), a length past any limit (413), a path too long (414)
        assertEquals(411, raw("POST /api/v1/" + mark + "-a HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n"));
        assertEquals(413, raw("POST /api/v1/" + mark + "-b HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 99999999999\r\n\r\n"));
        assertEquals(414, raw("GET /api/v1/" + mark + "-c?" + "q".repeat(9000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n"));
        // a method no endpoint has, on a real endpoint's path with an id made up
        team.api().body("{}").put("/api/v1/contacts/" + mark).then().statusCode(405);
        // a client gone before its body came
        try (java.net.Socket socket = new java.net.Socket(app.getHost(), app.getPort())) {
            socket.getOutputStream().write(("POST /api/v1/" + mark + "-d HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 10\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            Thread.sleep(200);
        }
        // a file served by a path of the client's own making, and a page that is not there
        assertEquals(200, raw("GET /webjars/" + mark + "/../htmx.org/dist/htmx.min.js HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n"));
        given().get("/" + mark + "-e").then().statusCode(404);
        // answered before any route ran: an escape that is none (400), a header with a control byte (400)
        assertEquals(400, raw("GET /" + mark + "-f/%ZZ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
        assertEquals(400, raw("GET /" + mark + "-g HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nX-Odd: a\u0001b\r\n\r\n"));
        // a 404 whose path has a doubled slash (micrometer took the path it cleaned for a template)
        assertEquals(404, raw("GET //" + mark + "-h HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
        // OPTIONS on a path with an id made up: a 200, under the endpoint's template, not as a file
        team.api().options("/api/v1/contacts/" + mark).then().statusCode(200);
        // a template's own spelling in a made-up path: a doubled slash, a parameter with a pattern
        String chunked = " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n";
        assertEquals(411, raw("POST /api//v1/contacts" + chunked));
        assertEquals(400, raw("POST /api/v1/contacts/{id:" + mark + "}" + chunked)); // a brace is no path's
        // endpoints whose templates a path could be mistaken for: a pattern in it, under the root class
        String id = java.util.UUID.randomUUID().toString();
        given().redirects().follow(false).post("/organizations/" + id + "/units/" + id + "/up");
        given().redirects().follow(false).post("/settings/tokens/" + id + "/revoke");
        // a method HTTP does not define: Vert.x takes any token
        String method = "BREW" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 41), 36).toUpperCase();
        assertEquals(405, raw(method + " /api/v1/contacts HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
        // an endpoint keeps its own label
        team.api().get("/api/v1/contacts/" + java.util.UUID.randomUUID()).then().statusCode(404);

        String after = scrape();
        for (int i = 0; i < 50 && resets(after) == resets(before); i++) {
            Thread.sleep(100); // the reset is counted when the server sees the connection close
            after = scrape();
        }
        assertFalse(after.contains(mark), "a made-up path is a label: " + after.lines().filter(l -> l.contains(mark)).toList());
        assertFalse(after.contains(method), "a made-up method is a label");
        assertFalse(after.contains("uri=\"/api//v1/contacts\""), "a doubled slash passed for a template");
        for (String template : List.of("/organizations/{id}/units/{unitId}/{direction:up|down}", "/settings/tokens/{id}/revoke")) {
            assertTrue(RequestLabels.endpointTemplates().contains(template), template);
            assertMoved(before, after, 1, "http_server_requests_seconds_count", "method", "POST", "uri", template);
        }
        assertMoved(before, after, 1, "http_server_requests_seconds_count", "method", RequestLabels.OTHER_METHOD,
                "status", "405");
        for (String[] counted : new String[][]{{"POST", "411", "2"}, {"POST", "400", "1"}, {"POST", "413", "1"},
                {"GET", "414", "1"}, {"PUT", "405", "1"}, {"POST", "RESET", "1"}}) {
            assertMoved(before, after, Integer.parseInt(counted[2]), "http_server_requests_seconds_count", "method", counted[0],
                    "status", counted[1], "uri", RequestLabels.UNMATCHED);
        }
        assertMoved(before, after, 1, "http_server_requests_seconds_count", "method", "GET", "status", "200", "uri", RequestLabels.STATIC);
        assertMoved(before, after, 2, "http_server_requests_seconds_count", "method", "GET", "status", "404", "uri", "NOT_FOUND");
        assertMoved(before, after, 2, "http_server_requests_seconds_count", "method", "GET", "status", "400",
                "uri", RequestLabels.UNMATCHED);
        assertMoved(before, after, 1, "http_server_requests_seconds_count", "method", "OPTIONS", "status", "200",
                "uri", "/api/v1/contacts/{id}");
        assertMoved(before, after, 1, "http_server_requests_seconds_count", "method", "GET", "status", "404",
                "uri", "/api/v1/contacts/{id}");
    }

    /**
     * Micrometer drops every request whose uri label comes past its cap: with the default (100) and 111
     * endpoint templates, the endpoints first called after the hundredth went unmeasured. The templates
     * are the REST layer's own route table, so an endpoint added past the cap fails here rather than
     * going unmeasured in production.
     */
    @Test
    void everyEndpointFitsUnderTheUriLabelCap() {
        java.util.Set<String> templates = RequestLabels.endpointTemplates();
        assertTrue(templates != null && templates.size() > 100, "the app's endpoints were read: " + templates);
        // root, NOT_FOUND, REDIRECTION, UNKNOWN, /cors-preflight, /{unmatched}, /{static}, and room to grow
        assertTrue(templates.size() + 7 <= uriCap() / 2, templates.size() + " endpoint templates against a cap of "
                + uriCap() + ": raise quarkus.micrometer.binder.http-server.max-uri-tags");
    }

    private static int uriCap() {
        return org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.micrometer.binder.http-server.max-uri-tags", Integer.class);
    }

    @TestHTTPResource("/")
    URL app;

    private static double resets(String text) {
        return value(text, "http_server_requests_seconds_count", "status", "RESET", "uri", RequestLabels.UNMATCHED);
    }

    /** Sends one raw request (which the server closes) and reads the status of its answer. */
    private int raw(String request) {
        String answer = org.groundwork.support.RawHttp.raw(app.getPort(), request);
        return Integer.parseInt(answer.substring(answer.indexOf(' ') + 1, answer.indexOf(' ') + 4));
    }

    private static void assertMoved(String before, String after, double by, String name, String... labels) {
        assertEquals(by, value(after, name, labels) - value(before, name, labels), 1e-9,
                name + " " + String.join(",", labels));
    }
}
