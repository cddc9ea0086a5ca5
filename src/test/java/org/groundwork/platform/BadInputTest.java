package org.groundwork.platform;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.groundwork.followup.ContactRows;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Input as an attacker would send it: a NUL character in any text, dates as numbers or far out
 * of range, fields the request does not have, over-long addresses and headers. Each gets a 400-class problem naming what was
 * wrong, never a 500, and nothing is stored.
 */
@QuarkusTest
class BadInputTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String NUL = "Rosa\u0000Parks";

    /**
     * One text past what the reader takes (SafeJson.LONGEST_TEXT, far over any field's @Size) is refused while it is
     * read and said as too long, naming the field: past Jackson's own bound it was "has the wrong type or format" (a
     * walk). Just under it, the field's own size rule speaks.
     */
    @Test
    void aTextPastWhatTheReaderTakesIsSaidAsTooLong() {
        TestTeam team = TestTeam.create();
        team.api().body("{\"fullName\":\"H\",\"notes\":\"" + "n".repeat(SafeJson.LONGEST_TEXT + 1) + "\"}")
                .post("/api/v1/contacts").then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("notes"))
                .body("errors[0].message", is("is too long to read (over 200,000 characters)"));
        team.api().body("{\"fullName\":\"H\",\"notes\":\"" + "n".repeat(SafeJson.LONGEST_TEXT) + "\"}")
                .post("/api/v1/contacts").then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("notes"))
                .body("errors[0].message", startsWith("size must be between 0 and"));
        // in a field the request does not have, too, which Jackson copies aside unnamed: it was "The body is not
        // valid JSON"
        team.api().body("{\"fullName\":\"H\",\"remarks\":\"" + "n".repeat(SafeJson.LONGEST_TEXT + 1) + "\"}")
                .post("/api/v1/contacts").then().statusCode(400).contentType(PROBLEM)
                .body("detail", is("A text in the body is too long to read (over 200,000 characters)"));
        // objects nested past the reader's depth: said as that, not as JSON that does not parse
        team.api().body("{\"fullName\":\"H\",\"remarks\":" + "[".repeat(1_001) + "]".repeat(1_001) + "}")
                .post("/api/v1/contacts").then().log().ifValidationFails().statusCode(400).contentType(PROBLEM)
                .body("detail", is("The body nests lists or objects more than 1,000 deep"));
        // a number of more than 1,000 digits, read before Jackson names its field: said as that, not as a long text
        String contact = ContactRows.in(team).insert();
        team.api().body("{\"contactId\":\"" + contact + "\",\"durationMinutes\":" + "9".repeat(1_001) + "}")
                .post("/api/v1/conversations").then().statusCode(400).contentType(PROBLEM)
                .body("detail", is("A number in the body is too long to read (over 1,000 digits)"));
        team.api().get("/api/v1/contacts").then().body("items", hasSize(1));
        team.api().get("/api/v1/conversations").then().body("items", hasSize(0));
    }

    @Test
    void aNulCharacterInAnyJsonTextIsA400NamingTheField() {
        TestTeam team = TestTeam.create();
        String contact = ContactRows.in(team).insert();
        String action = team.api().body(Map.of("title", "Picket", "kind", "picket",
                        "startsAt", Instant.now().toString(), "durationMinutes", 60))
                .post("/api/v1/actions").then().statusCode(201).extract().path("id");

        nul(team, "post", "/api/v1/contacts", Map.of("fullName", NUL), "fullName");
        nul(team, "post", "/api/v1/contacts", Map.of("fullName", "Ok", "tags", List.of("a", NUL)), "tags[1]");
        nul(team, "patch", "/api/v1/contacts/" + contact, Map.of("notes", NUL), "notes");
        nul(team, "post", "/api/v1/contacts/" + contact + "/level", Map.of("level", "cadre", "reason", NUL), "reason");
        nul(team, "post", "/api/v1/conversations", Map.of("contactId", contact, "durationMinutes", 5, "summary", NUL), "summary");
        nul(team, "post", "/api/v1/followups", Map.of("contactId", contact, "dueOn", LocalDate.now().toString(),
                "purpose", NUL), "purpose");
        nul(team, "post", "/api/v1/works", Map.of("name", NUL, "focus", "bring-in-new", "mode", "building"), "name");
        nul(team, "post", "/api/v1/organizations", Map.of("name", NUL, "kind", "workplace"), "name");
        nul(team, "patch", "/api/v1/actions/" + action, Map.of("location", NUL), "location");
        nul(team, "patch", "/api/v1/team", Map.of("name", NUL), "name");
        nul(team, "post", "/api/v1/organizers", Map.of("email", "x@y.org", "displayName", NUL, "role", "organizer",
                "password", TestTeam.PASSWORD), "displayName");
        given().contentType(ContentType.JSON).body("[{\"contactId\":\"" + contact + "\",\"notes\":\"a\\u0000b\"}]")
                .auth().oauth2(team.token).put("/api/v1/actions/" + action + "/attendance")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("[0].notes"));
        // unauthenticated too
        given().contentType(ContentType.JSON).body(Map.of("email", "a\u0000@b.org", "password", "x", "name", "t"))
                .post("/api/v1/tokens").then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("email"));

        // nothing was stored: the contact is as it was, no conversation, no follow-up
        team.api().get("/api/v1/contacts/" + contact).then().statusCode(200).body("notes", nullValue());
        team.api().get("/api/v1/conversations").then().statusCode(200).body("items", hasSize(0));
        team.api().get("/api/v1/followups").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void aLoneSurrogateAndDatesInOtherShapesAreA400NamingTheField() {
        TestTeam team = TestTeam.create();
        String contact = ContactRows.in(team).insert();
        // "\ud800" alone was answered 201 as sent, and stored as "?"
        team.api().body("{\"fullName\": \"Rosa \\ud800\"}").post("/api/v1/contacts").then().statusCode(400)
                .body("errors[0].field", is("fullName")).body("errors[0].message", containsString("lone UTF-16 surrogate"));
        team.api().body("{\"contactId\": \"" + contact + "\", \"durationMinutes\": 5, \"summary\": \"\\udc00 x\"}")
                .post("/api/v1/conversations").then().statusCode(400).body("errors[0].field", is("summary"));
        // a pair is one character, kept
        team.api().body("{\"fullName\": \"Rosa \\ud83c\\udf39\"}").post("/api/v1/contacts").then().statusCode(201)
                .body("fullName", is("Rosa \uD83C\uDF39"));
        // seconds since 1970 as text were read as a timestamp, a date and time as a date (the time dropped)
        for (String at : List.of("1700000000", "-2208988800", "2026-05-01")) {
            team.api().body(Map.of("contactId", contact, "durationMinutes", 5, "occurredAt", at))
                    .post("/api/v1/conversations").then().statusCode(400).body("errors[0].field", is("occurredAt"));
        }
        // "" or a blank was read as no time, and a conversation or a level change left without one was stored as now
        for (String blank : List.of("", " ", "\t", "\u0001")) {
            team.api().body(Map.of("contactId", contact, "durationMinutes", 5, "occurredAt", blank))
                    .post("/api/v1/conversations").then().statusCode(400).body("errors[0].field", is("occurredAt"))
                    .body("errors[0].message", containsString("ISO-8601"));
            team.api().body(Map.of("level", "cadre", "changedAt", blank)).post("/api/v1/contacts/" + contact + "/level")
                    .then().statusCode(400).body("errors[0].field", is("changedAt"));
            team.api().body(Map.of("contactId", contact, "dueOn", blank)).post("/api/v1/followups").then().statusCode(400)
                    .body("errors[0].field", is("dueOn")).body("errors[0].message", containsString("YYYY-MM-DD"));
        }
        team.api().get("/api/v1/contacts/" + contact).then().body("engagementLevel", is("new"));
        for (String due : List.of("2026-12-30T10:00", "20261230", "1700000000")) {
            team.api().body(Map.of("contactId", contact, "dueOn", due)).post("/api/v1/followups").then().statusCode(400)
                    .body("errors[0].field", is("dueOn"));
        }
        team.api().body(Map.of("contactId", contact, "durationMinutes", 5, "occurredAt", "2026-05-01T18:00:00+02:00"))
                .post("/api/v1/conversations").then().statusCode(201).body("occurredAt", is("2026-05-01T16:00:00Z"));
        team.api().get("/api/v1/conversations?contact=" + contact).then().body("items", hasSize(1));
    }

    @Test
    void anEmptyContentTypeIsA415NotAServerError() throws Exception {
        TestTeam team = TestTeam.create();
        // sent by hand: HTTP clients will not send a header with no value, an attacker's will
        for (String[] request : List.of(new String[]{"/api/v1/contacts", "Authorization: Bearer " + team.token + "\r\n"},
                new String[]{"/api/v1/tokens", ""})) {
            String body = "{\"fullName\":\"x\"}";
            String answer = raw("POST " + request[0] + " HTTP/1.1\r\nHost: localhost\r\n" + request[1]
                    + "Content-Type:\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body);
            assertTrue(answer.startsWith("HTTP/1.1 415"), request[0] + ": " + answer.lines().findFirst().orElse(""));
            assertTrue(answer.contains("not a media type"), answer);
        }
        team.api().get("/api/v1/contacts?q=x").then().statusCode(200).body("items", empty());
        // the login form without a Content-Type, or as JSON: the form's decoder threw (500) before any resource
        for (String type : List.of("", "Content-Type: application/json\r\n")) {
            String answer = raw("POST /login HTTP/1.1\r\nHost: localhost\r\n" + type
                    + "Content-Length: 5\r\nConnection: close\r\n\r\nemail");
            assertTrue(answer.startsWith("HTTP/1.1 415") && answer.contains("The login form is sent as a form"), answer);
        }
    }

    /**
     * A body in chunks has no length to check before it is read, and the REST layer holds a JSON
     * body whole and writes a page's upload to disk whole: only the paths that stream their body
     * (a team's archive, the API's CSV import) take one.
     */
    @Test
    void aBodyInChunksIsTakenOnlyWhereItIsStreamed() throws Exception {
        TestTeam team = TestTeam.create();
        String body = "{\"fullName\":\"Rosa\"}";
        String chunked = "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n";
        String answer = raw("POST /api/v1/contacts HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + team.token
                + "\r\nContent-Type: application/json\r\n" + chunked);
        assertTrue(answer.startsWith("HTTP/1.1 411") && answer.contains("Content-Length"), answer);
        team.api().get("/api/v1/contacts").then().body("items", empty());
        answer = raw("POST /api/v1/teams/restore HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + TestTeam.instanceToken() + "\r\nContent-Type: application/zip\r\nAccept: application/json\r\n" + chunked);
        assertTrue(answer.startsWith("HTTP/1.1 400") && answer.contains("not a zip"), answer);
        // the import page's upload, which browsers send with its length: in chunks it could fill the
        // uploads folder up to the archive's limit before the page refused it at the import's
        String part = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nName\nRosa\r\n--b--\r\n";
        answer = raw("POST /contacts/import HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + team.token
                + "\r\nContent-Type: multipart/form-data; boundary=b\r\nTransfer-Encoding: chunked\r\n"
                + "Connection: close\r\n\r\n" + Integer.toHexString(part.length()) + "\r\n" + part + "\r\n0\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 411") && answer.contains("Content-Length"), answer);
        answer = raw("POST /contacts/import HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n"
                + "Content-Type: multipart/form-data; boundary=b\r\nTransfer-Encoding: chunked\r\n"
                + "Connection: close\r\n\r\n" + Integer.toHexString(part.length()) + "\r\n" + part + "\r\n0\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 411") && answer.contains("<title>Sent without its length"), answer);
        // nor may a body come with neither: HTTP/2 in clear text (h2c, where a length is optional) is off
        answer = raw("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
        // (the preface is read as a plain request line of a version it does not know: a text answer)
        assertTrue(answer.isEmpty() || answer.startsWith("HTTP/"), "no HTTP/2 frames: " + answer);
        answer = raw("GET /api/v1/me HTTP/1.1\r\nHost: localhost\r\nConnection: Upgrade, HTTP2-Settings, close\r\nUpgrade: h2c\r\n"
                + "HTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\nAuthorization: Bearer " + team.token + "\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 200"), "no switch to h2c: " + answer.lines().findFirst().orElse(""));
    }

    /** What the server answers to bytes sent by hand, until it closes (or 10 s pass). */
    static String raw(String request) throws Exception {
        return raw(io.restassured.RestAssured.port, request);
    }

    static String raw(int port, String request) {
        return org.groundwork.support.RawHttp.raw(port, request);
    }

    /**
     * An Accept-Language whose weight is no number made the login page, and every page, a 400 saying
     * "media type weighted language q must be a float": a browser never sends it, and the page
     * chooses its language itself, so it is read as no header at all.
     */
    @Test
    void anUnreadableAcceptLanguageIsReadAsNoneNotA400() {
        for (String header : List.of("en;q=zz", ";;q=zz,,", "es;q=")) {
            given().accept("text/html").header("Accept-Language", header).get("/login").then().statusCode(200)
                    .body(containsString("lang=\"en\""));
        }
        given().accept("text/html").header("Accept-Language", "es;q=0.9,en;q=0.1").get("/login").then().statusCode(200)
                .body(containsString("lang=\"es\""));
        TestTeam team = TestTeam.create();
        team.api().header("Accept-Language", "en;q=zz").get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void aNulCharacterInAQueryOrAPathIsA400() {
        TestTeam team = TestTeam.create();
        team.api().urlEncodingEnabled(false).get("/api/v1/contacts?q=Ro%00sa").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", is("q"));
        team.api().urlEncodingEnabled(false).get("/api/v1/contacts/%00").then().statusCode(400).contentType(PROBLEM);
    }

    /**
     * Two Authorization lines were served as the first one's organizer, whatever a proxy or log in front
     * made of the other; a compressed body was read as it came ("not valid JSON (line 1, column 2)").
     */
    @Test
    void twoAuthorizationLinesAndACompressedBodyAreRefusedAndWriteNothing() throws Exception {
        TestTeam team = TestTeam.create();
        TestTeam other = TestTeam.create();
        String body = "{\"fullName\":\"Twice Authorized\"}";
        String answer = raw("POST /api/v1/contacts HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + other.token
                + "\r\nAuthorization: Bearer " + team.token + "\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length() + "\r\nConnection: close\r\n\r\n" + body);
        assertTrue(answer.startsWith("HTTP/1.1 400") && answer.contains("application/problem+json")
                && answer.contains("\"field\":\"Authorization\""), answer);

        java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(zipped)) {
            gz.write("{\"fullName\":\"Compressed Person\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        team.api().header("Content-Encoding", "gzip").body(zipped.toByteArray()).post("/api/v1/contacts")
                .then().statusCode(415).contentType(PROBLEM)
                .body("detail", is("The body is sent with Content-Encoding gzip; send it uncompressed"));
        // JSON in UTF-16 under a wildcard type is refused as under application/json
        team.api().contentType("application/*; charset=UTF-16LE")
                .body("{\"fullName\":\"Wide\"}".getBytes(java.nio.charset.StandardCharsets.UTF_16LE))
                .post("/api/v1/contacts").then().statusCode(415);
        // a request with no body has nothing encoded: a GET naming gzip is answered
        team.api().header("Content-Encoding", "gzip").get("/api/v1/contacts").then().statusCode(200);
        // identity is no encoding at all
        team.api().header("Content-Encoding", "identity").body(Map.of("fullName", "Plain Person"))
                .post("/api/v1/contacts").then().statusCode(201);
        // an overlong "<" (E0 80 BC), which Jackson decoded as "<" (the probe), and a sequence cut short
        for (byte[] broken : List.of(new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xBC}, new byte[] {(byte) 0xC3})) {
            java.io.ByteArrayOutputStream json = new java.io.ByteArrayOutputStream();
            json.writeBytes("{\"fullName\":\"Jos".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            json.writeBytes(broken);
            json.writeBytes("script\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            team.api().body(json.toByteArray()).post("/api/v1/contacts").then().statusCode(400).contentType(PROBLEM)
                    .body("detail", is("The body is not UTF-8 text (byte 16); send JSON in UTF-8"));
            // untyped, which the REST layer reads as the door's JSON all the same (the review)
            java.io.ByteArrayOutputStream untyped = new java.io.ByteArrayOutputStream();
            untyped.writeBytes(("POST /api/v1/contacts HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + team.token
                    + "\r\nContent-Length: " + json.size() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            untyped.writeBytes(json.toByteArray());
            String untypedAnswer = org.groundwork.support.RawHttp.raw(io.restassured.RestAssured.port, untyped.toByteArray());
            assertTrue(untypedAnswer.startsWith("HTTP/1.1 400") && untypedAnswer.contains("The body is not UTF-8 text (byte 16)"),
                    untypedAnswer);
            // a wildcard type, which the REST layer matches to the door's JSON as well (the probe: 201, "Jos<script")
            for (String wildcard : List.of("*/*", "application/*")) {
                java.io.ByteArrayOutputStream typed = new java.io.ByteArrayOutputStream();
                typed.writeBytes(("POST /api/v1/contacts HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + team.token
                        + "\r\nContent-Type: " + wildcard + "\r\nContent-Length: " + json.size() + "\r\nConnection: close\r\n\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                typed.writeBytes(json.toByteArray());
                String wildAnswer = org.groundwork.support.RawHttp.raw(io.restassured.RestAssured.port, typed.toByteArray());
                assertTrue(wildAnswer.startsWith("HTTP/1.1 400") && wildAnswer.contains("The body is not UTF-8 text (byte 16)"),
                        wildAnswer);
            }
        }
        for (TestTeam t : List.of(team, other)) {
            t.api().get("/api/v1/contacts").then().statusCode(200).body("items.fullName",
                    t == team ? contains("Plain Person") : empty());
        }
    }

    /**
     * An id is read as it is written everywhere: Java's UUID.fromString took shorter groups, so a
     * contact answered at "1a24511-…" (its leading 0 dropped) in a path and a filter, while a body
     * had to give the exact id.
     */
    @Test
    void anIdWithAGroupCutShortIsNoId() {
        TestTeam team = TestTeam.create();
        String id = team.api().body(Map.of("fullName", "Exact Id")).post("/api/v1/contacts").then().statusCode(201)
                .extract().path("id");
        team.api().get("/api/v1/contacts/" + id).then().statusCode(200);
        team.api().get("/api/v1/contacts/" + id.toUpperCase()).then().statusCode(200);
        assertTrue(id.startsWith("0"), id); // a UUIDv7 of these years
        String cut = id.substring(1);
        // its first group with the leading 0 dropped, or with one digit more; no dashes; spaces around it
        for (String shape : List.of(cut, id.replaceFirst("-", "0-"), id.replace("-", ""), "%20" + id)) {
            team.api().urlEncodingEnabled(false).get("/api/v1/contacts/" + shape).then().statusCode(404)
                    .contentType(PROBLEM);
        }
        team.api().get("/api/v1/followups?contact=" + cut).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("contact"));
        team.api().get("/api/v1/followups?contact=" + id).then().statusCode(200);
    }

    /**
     * A field the request does not have is refused, naming it, on a create and on a merge patch:
     * a misspelt field ("durationMinute") must not be dropped silently while the rest is stored.
     */
    @Test
    void aFieldTheRequestDoesNotHaveIsA400NamingIt() {
        TestTeam team = TestTeam.create();
        String contact = ContactRows.in(team).insert();
        team.api().body(Map.of("contactId", contact, "durationMinutes", 5, "durationMinute", 50))
                .post("/api/v1/conversations").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("durationMinute"))
                .body("errors[0].message", is("is not a field of this request"));
        String id = team.api().body(Map.of("contactId", contact, "dueOn", LocalDate.now().toString(), "purpose", "x"))
                .post("/api/v1/followups").then().statusCode(201).extract().path("id");
        team.api().body(Map.of("purpose", "changed", "owner", "someone")).patch("/api/v1/followups/" + id).then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", is("owner"));
        team.api().get("/api/v1/followups/" + id).then().body("purpose", is("x"));
        assertEquals(0, ContactRows.count("select count(*) from conversation where team_id = ?::uuid", team.teamId));
    }

    /**
     * A number where a yes or no goes: Jackson would read any non-zero number as true, so a date
     * sent to firstTime or doNotContact turned the flag on. Refused, naming the field, nothing stored.
     */
    @Test
    void numbersWhereAYesOrNoGoesAreA400NamingTheField() {
        TestTeam team = TestTeam.create();
        String contact = ContactRows.in(team).insert();
        team.api().body("{\"fullName\":\"Flag Person\",\"doNotContact\":20261110}").post("/api/v1/contacts").then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", is("doNotContact"))
                .body("errors[0].message", is("'20261110' is not a valid true or false"));
        team.api().body("{\"contactId\":\"" + contact + "\",\"durationMinutes\":5,\"politicalDiscussion\":1.5}")
                .post("/api/v1/conversations").then().statusCode(400).body("errors[0].field", is("politicalDiscussion"));
        team.api().body("{\"doNotContact\":1}").patch("/api/v1/contacts/" + contact).then().statusCode(400)
                .body("errors[0].field", is("doNotContact"));
        team.api().get("/api/v1/contacts/" + contact).then().body("doNotContact", is(false));
        assertEquals(1, ContactRows.count("select count(*) from contact where team_id = ?::uuid", team.teamId));
        assertEquals(0, ContactRows.count("select count(*) from conversation where team_id = ?::uuid", team.teamId));
    }

    @Test
    void aValueOfTheWrongTypeIsA400NamingTheFieldNotSilentlyConverted() {
        TestTeam team = TestTeam.create();
        String contact = ContactRows.in(team).insert();
        String start = "{\"contactId\":\"" + contact + "\",";
        // 30.7 was stored as 30, a channel's number as the channel in that place of the list, a number where
        // text goes as its digits: each a value the caller did not send
        Map<String, String> wrong = Map.of(
                start + "\"durationMinutes\":30.7}", "durationMinutes",
                start + "\"durationMinutes\":\"30\"}", "durationMinutes",
                start + "\"durationMinutes\":1e400}", "durationMinutes",
                start + "\"durationMinutes\":30,\"channel\":1}", "channel",
                start + "\"durationMinutes\":30,\"channel\":\"1\"}", "channel",
                start + "\"durationMinutes\":30,\"politicalDiscussion\":\"\"}", "politicalDiscussion",
                start + "\"durationMinutes\":30,\"summary\":123}", "summary",
                start + "\"durationMinutes\":30,\"summary\":true}", "summary",
                start + "\"durationMinutes\":30,\"nextStep\":{\"dueOn\":\"2030-01-01\",\"purpose\":5}}", "nextStep.purpose");
        wrong.forEach((body, field) -> team.api().body(body).post("/api/v1/conversations").then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", is(field)));
        team.api().body(start + "\"durationMinutes\":30,\"channel\":1}").post("/api/v1/conversations").then()
                .body("errors[0].message", startsWith("'1' is not one of in-person"));
        team.api().body(start + "\"durationMinutes\":30.7}").post("/api/v1/conversations").then()
                .body("errors[0].message", is("'30.7' is not a valid whole number"));
        // a number too large for its field: named too, not a bare "HTTP 400 Bad Request"
        for (String number : List.of("99999999999", "-99999999999")) {
            team.api().body(start + "\"durationMinutes\":" + number + "}").post("/api/v1/conversations").then()
                    .statusCode(400).contentType(PROBLEM).body("errors[0].field", is("durationMinutes"))
                    .body("errors[0].message", is("is out of range for a whole number"));
        }
        team.api().body("{\"fullName\":5}").patch("/api/v1/contacts/" + contact).then().statusCode(400)
                .body("errors[0].field", is("fullName"));
        team.api().get("/api/v1/contacts/" + contact).then().body("fullName", not(is("5")));
        assertEquals(0, ContactRows.count("select count(*) from conversation where team_id = ?::uuid", team.teamId));
    }

    @Test
    void aFreeTextOfOnlyControlCharactersIsNoTextNotAnEmptyOne() {
        TestTeam team = TestTeam.create();
        String contact = ContactRows.in(team).insert();
        // "\u0001" was stored as "" (trimmed to nothing after the blankness was asked), "\u001f" as null
        for (String nothing : List.of("\u0001", "\u001f", " \u0002 ", "\u007f", "\u0085\u0090")) {
            team.api().body(Map.of("notes", nothing)).patch("/api/v1/contacts/" + contact).then().statusCode(200)
                    .body("notes", nullValue());
            team.api().body(Map.of("contactId", contact, "dueOn", "2030-01-01", "purpose", nothing))
                    .post("/api/v1/followups").then().statusCode(201).body("purpose", nullValue());
        }
        assertEquals(0, ContactRows.count("select count(*) from contact where team_id = ?::uuid and notes = ''", team.teamId));
    }

    @Test
    void aFieldGivenTwiceIsA400NamingItNotTheLastOneWins() {
        TestTeam team = TestTeam.create();
        String contact = ContactRows.in(team).insert();
        team.api().body("{\"contactId\":\"" + contact + "\",\"durationMinutes\":5,\"durationMinutes\":500}")
                .post("/api/v1/conversations").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("durationMinutes")).body("errors[0].message", is("is given twice"));
        team.api().body("{\"contactId\":\"" + contact + "\",\"durationMinutes\":5,"
                        + "\"nextStep\":{\"dueOn\":\"2030-01-01\",\"purpose\":\"a\",\"purpose\":\"b\"}}")
                .post("/api/v1/conversations").then().statusCode(400).body("errors[0].field", is("nextStep.purpose"));
        team.api().body("{\"notes\":\"first\",\"notes\":\"second\"}").patch("/api/v1/contacts/" + contact).then()
                .statusCode(400).body("errors[0].field", is("notes"));
        team.api().get("/api/v1/contacts/" + contact).then().body("notes", nullValue());
        assertEquals(0, ContactRows.count("select count(*) from conversation where team_id = ?::uuid", team.teamId));
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsA400ThatSaysSoWithoutTheServersInsides() {
        TestTeam team = TestTeam.create();
        for (String body : List.of("{\"contactId\":", "{\"a\":1,,}", "nope", "[]", "\"x\"", "42",
                "{\"durationMinutes\":5}{\"durationMinutes\":500}", "{\"nextStep\":{\"purpose\":tru}}")) {
            String detail = team.api().body(body).post("/api/v1/conversations").then().statusCode(400)
                    .contentType(PROBLEM).extract().path("detail");
            assertEquals(true, detail.startsWith("The body is not valid JSON")
                    || detail.equals("The body must be a JSON object"), body + " gave " + detail);
            assertEquals(false, detail.contains("org.groundwork") || detail.contains("`"), body + " gave " + detail);
        }
        team.api().body("{\"fullName\":").post("/api/v1/contacts").then().statusCode(400)
                .body("detail", containsString("line 1"));
        // bad syntax inside an object of the body, and a second body after the first: the place, not a field
        team.api().body("{\"durationMinutes\":5,\"nextStep\":{\"purpose\":tru}}").post("/api/v1/conversations").then()
                .statusCode(400).body("detail", startsWith("The body is not valid JSON (line 1"));
        team.api().body("{\"fullName\":\"One\"}{\"fullName\":\"Two\"}").post("/api/v1/contacts").then()
                .statusCode(400).body("detail", startsWith("The body is not valid JSON (line 1"));
        // an action's attendance is a list: an object there is refused as a whole before any id is looked up
        team.api().body("{\"contactId\":\"" + ContactRows.in(team).insert() + "\"}")
                .put("/api/v1/actions/" + java.util.UUID.randomUUID() + "/attendance").then().statusCode(400)
                .contentType(PROBLEM).body("detail", is("The body must be a JSON list"));
        assertEquals(0, ContactRows.count("select count(*) from conversation where team_id = ?::uuid", team.teamId));
    }

    @Test
    void aRequestTypeJacksonCannotBuildIsOurLogged500NotTheCallersFault() {
        // UnbuildableBodyResource (test only) reads a type no body can fill, as a bug of ours would
        List<java.util.logging.LogRecord> errors = severeDuring(() -> {
            String detail = given().contentType(ContentType.JSON).body("{\"task\":{}}")
                    .post("/api/v1/test-only/unbuildable-body").then().statusCode(500).contentType(PROBLEM)
                    .extract().path("detail");
            assertEquals(false, detail.contains("Runnable") || detail.contains("org.groundwork"), detail);
        });
        boolean logged = errors.stream().anyMatch(r -> {
            for (Throwable t = r.getThrown(); t != null; t = t.getCause()) {
                if (t instanceof com.fasterxml.jackson.databind.exc.InvalidDefinitionException) {
                    return true;
                }
            }
            return false;
        });
        assertEquals(true, logged, "the failure is logged at ERROR with its cause");
    }

    /**
     * Requests the router refuses before any handler runs (HTTP/2's preface in clear text, a path that
     * is not one) were answered by Quarkus's last handler with an error id or nothing, and the
     * preface wrote an ERROR line to the log; a Host whose port is no port wrote one through the
     * forwarded headers' parser. Anyone could fill the log. Without forwarding trusted (this
     * profile trusts it) a request with no Host is refused the same way: UnproxiedRequestsTest.
     */
    @Test
    void requestsTheRouterCannotPlaceAreAProblemAndNoErrorInTheLog() throws Exception {
        List<String> answers = new java.util.ArrayList<>();
        List<java.util.logging.LogRecord> errors = severeDuring(() -> {
            try {
                answers.add(raw("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"));
                answers.add(raw("OPTIONS * HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
                answers.add(raw("GET /api/v1/me HTTP/1.1\r\nHost: localhost:99999999\r\nConnection: close\r\n\r\n"));
                answers.add(raw("GET /api/v1/me HTTP/1.1\r\nConnection: close\r\n\r\n"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        for (String answer : answers.subList(0, 2)) {
            assertTrue(answer.matches("(?s)HTTP/\\d\\.\\d 4\\d\\d .*") && answer.contains("application/problem+json")
                    && answer.contains("\"detail\":\""), answer);
        }
        assertTrue(answers.get(1).startsWith("HTTP/1.1 404") && answers.get(1).contains("must start with /"),
                answers.get(1));
        for (String answer : answers.subList(2, 4)) {
            assertTrue(answer.startsWith("HTTP/1.1 401"), answer);
        }
        assertEquals(List.of(), errors.stream().map(java.util.logging.LogRecord::getMessage).toList());
    }

    /**
     * Form bodies the REST layer's parser cannot read (a broken %-escape, too many fields, a
     * multipart without its end, a charset Java lacks) were a 500 and an ERROR line, before anyone
     * logged in (the setup and code pages take forms); a client that hung up halfway through its
     * body was an ERROR line with its stack.
     */
    @Test
    void unreadableFormsAndBodiesCutShortAreTheCallersAndLeaveNoErrorInTheLog() throws Exception {
        List<String> pages = new java.util.ArrayList<>();
        List<java.util.logging.LogRecord> errors = severeDuring(() -> {
            StringBuilder many = new StringBuilder("teamName=x");
            for (int i = 0; i < 1200; i++) {
                many.append("&f").append(i).append("=1");
            }
            for (String body : List.of("teamName=%zz", "teamName=x%", many.toString())) {
                pages.add(given().accept("text/html").contentType("application/x-www-form-urlencoded").body(body)
                        .post("/setup").then().statusCode(400).contentType(containsString("text/html"))
                        .extract().asString());
            }
            // a multipart body cut short, from no one: an upload, refused unread (WholeBodies)
            given().contentType("multipart/form-data; boundary=xx")
                    .body("--xx\r\nContent-Disposition: form-data; name=\"code\"\r\n\r\n123"
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/login/code")
                    .then().statusCode(401).contentType(PROBLEM).body("detail", startsWith("Sign in first"))
                    .header("WWW-Authenticate", ProblemMapper.API_CHALLENGE);
            // a browser's: a page, whose 401 names the login form as the way in (RFC 9110)
            given().accept("text/html").contentType("multipart/form-data; boundary=xx")
                    .body("--xx\r\nContent-Disposition: form-data; name=\"code\"\r\n\r\n123"
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/login/code")
                    .then().statusCode(401).contentType(containsString("text/html"))
                    .header("WWW-Authenticate", ProblemMapper.PAGE_CHALLENGE);
            // from a signed-in organizer it is read, and its being cut short is the caller's
            TestTeam signedIn = TestTeam.create();
            given().auth().oauth2(signedIn.token).contentType("multipart/form-data; boundary=xx")
                    .body("--xx\r\nContent-Disposition: form-data; name=\"code\"\r\n\r\n123"
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/login/code")
                    .then().statusCode(400).contentType(PROBLEM).body("detail", startsWith("The form's body could not be read"));
            try {
                String bogus = raw("POST /setup HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded;"
                        + " charset=bogus\r\nContent-Length: 10\r\nConnection: close\r\n\r\nteamName=x");
                assertTrue(bogus.startsWith("HTTP/1.1 415") && bogus.contains("charset this server does not know"), bogus);
                for (String path : List.of("/api/v1/tokens", "/setup")) {
                    try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
                        socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                                + "Content-Type: " + (path.startsWith("/api/") ? "application/json" : "application/x-www-form-urlencoded")
                                + "\r\nContent-Length: 100\r\n\r\n{\"email\":\"x").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        socket.getOutputStream().flush();
                        Thread.sleep(300);
                    }
                }
                Thread.sleep(1500);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        pages.forEach(page -> assertTrue(page.contains("<title>Something in the request is not right"), page));
        assertEquals(List.of(), errors.stream().map(r -> r.getLoggerName() + ": " + r.getMessage()).toList());
    }

    /**
     * An API parameter given twice was read as its first: an import asked as a dry run with
     * {@code dryRun=false&dryRun=true} imported for real. The import's column mapping, a list, still
     * takes many.
     */
    @Test
    void anApiParameterGivenTwiceIsRefusedNamingIt() {
        TestTeam team = TestTeam.create();
        team.api().get("/api/v1/contacts?limit=1&limit=2").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("limit"));
        team.api().contentType("text/csv").body("Name,Email\nMaria Wright,maria@example.org\n")
                .post("/api/v1/imports/contacts?dryRun=false&dryRun=true").then().statusCode(400)
                .body("errors[0].field", is("dryRun"));
        team.api().get("/api/v1/contacts").then().body("items", empty());
        team.api().contentType("text/csv").body("Who,Mail\nMaria Wright,maria@example.org\n")
                .post("/api/v1/imports/contacts?dryRun=true&map=Who:fullName&map=Mail:email").then().statusCode(200);
    }

    /**
     * Two Content-Type lines were read as the first without a word (a proxy in front may read the other):
     * a 400 naming Content-Type, as two Idempotency-Key lines are, and nothing written. One line is read.
     */
    @Test
    void twoContentTypeLinesAreA400NamingItAndWriteNothing() throws Exception {
        TestTeam team = TestTeam.create();
        String body = "{\"fullName\":\"Rosa Parks\"}";
        for (String second : List.of("text/plain", "application/json")) {
            String answer = raw("POST /api/v1/contacts HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + team.token
                    + "\r\nContent-Type: application/json\r\nContent-Type: " + second + "\r\nContent-Length: "
                    + body.length() + "\r\nConnection: close\r\n\r\n" + body);
            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
            assertTrue(answer.contains(PROBLEM), answer);
            assertTrue(answer.contains("\"field\":\"Content-Type\""), answer);
            assertTrue(answer.contains("appears more than once"), answer);
        }
        team.api().get("/api/v1/contacts").then().body("items", empty());
        String answer = raw("POST /api/v1/contacts HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + team.token
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body);
        assertTrue(answer.startsWith("HTTP/1.1 201"), answer);
    }

    /** The log records at ERROR (SEVERE) or above written while {@code action} runs. */
    static List<java.util.logging.LogRecord> severeDuring(Runnable action) {
        return org.groundwork.support.RawHttp.severeDuring(action);
    }

    @Test
    void datesAsNumbersOrOutOfRangeAreA400NamingTheField() {
        TestTeam team = TestTeam.create();
        String contact = ContactRows.in(team).insert();
        String body = "{\"contactId\":\"" + contact + "\",\"dueOn\":-2147483648,\"purpose\":\"x\"}";
        team.api().body(body).post("/api/v1/followups").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("dueOn"));
        String id = team.api().body(Map.of("contactId", contact, "dueOn", LocalDate.now().toString(), "purpose", "x"))
                .post("/api/v1/followups").then().statusCode(201).extract().path("id");
        team.api().body("{\"dueOn\":-2147483648}").patch("/api/v1/followups/" + id).then().statusCode(400)
                .body("errors[0].field", is("dueOn"));
        team.api().body(Map.of("dueOn", "1500-01-01")).patch("/api/v1/followups/" + id).then().statusCode(400)
                .body("errors[0].field", is("dueOn")).body("errors[0].message", containsString("1900"));
        team.api().body(Map.of("dueOn", "+20000-01-01")).patch("/api/v1/followups/" + id).then().statusCode(400)
                .body("errors[0].field", is("dueOn"));
        team.api().get("/api/v1/followups/" + id).then().body("dueOn", is(LocalDate.now().toString()));

        team.api().body("{\"contactId\":\"" + contact + "\",\"durationMinutes\":5,\"occurredAt\":1700000000}")
                .post("/api/v1/conversations").then().statusCode(400).body("errors[0].field", is("occurredAt"));
        team.api().body(Map.of("contactId", contact, "durationMinutes", 5, "occurredAt", "3000-01-01T00:00:00Z"))
                .post("/api/v1/conversations").then().statusCode(400).body("errors[0].field", is("occurredAt"));
        team.api().body(Map.of("title", "March", "kind", "march", "startsAt", "1066-10-14T09:00:00Z", "durationMinutes", 60))
                .post("/api/v1/actions").then().statusCode(400).body("errors[0].field", is("startsAt"));
        team.api().get("/api/v1/reports/time?from=0001-01-01&to=0001-01-02").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", is("from"));
        team.api().get("/api/v1/conversations?from=99999-01-01").then().statusCode(400).body("errors[0].field", is("from"));
        assertEquals(0, ContactRows.count("select count(*) from conversation where team_id = ?::uuid", team.teamId));
    }

    @Test
    void overLongAddressesAndHeadersAreProblemsNotEmptyAnswers() {
        TestTeam team = TestTeam.create();
        for (int length : new int[]{10_000, 100_000}) {
            String body = team.api().get("/api/v1/contacts?q=" + "a".repeat(length)).then().statusCode(414)
                    .contentType(PROBLEM).body("status", is(414)).extract().asString();
            assertEquals(false, body.isEmpty());
        }
        team.api().header("X-Padding", "b".repeat(40_000)).get("/api/v1/me").then().statusCode(431)
                .contentType(PROBLEM).body("status", is(431));
        // a page asked for by a browser gets a page
        given().accept("text/html").get("/contacts?q=" + "a".repeat(10_000)).then().statusCode(414)
                .contentType(containsString("text/html")).body(containsString("The address is too long"));
        team.api().get("/api/v1/me").then().statusCode(200);
    }

    /**
     * %-escapes that are no UTF-8 were read as U+FFFD: {@code q=Odd%E0%A4} searched for that character, and found
     * a name holding it (a walk). A 400 saying so, a page for a browser; escapes that are UTF-8 are taken.
     */
    @Test
    void addressEscapesThatAreNotUtf8AreRefused() {
        TestTeam team = TestTeam.create();
        ContactRows.in(team).name("Odd \uFFFD Name").insert();
        for (String escapes : new String[]{"Odd%E0%A4", "%FF", "abc%C3", "%C3%28", "%ED%A0%80"}) {
            team.api().urlEncodingEnabled(false).get("/api/v1/contacts?q=" + escapes).then().statusCode(400)
                    .contentType(PROBLEM).body("detail", containsString("not UTF-8"));
            given().urlEncodingEnabled(false).accept("text/html").get("/contacts?q=" + escapes).then().statusCode(400)
                    .contentType(containsString("text/html")).body(containsString("not UTF-8"));
        }
        team.api().urlEncodingEnabled(false).get("/api/v1/contacts/%FF").then().statusCode(400);
        team.api().urlEncodingEnabled(false).get("/api/v1/contacts?q=Odd%20%EF%BF%BD").then().statusCode(200)
                .body("items.fullName", hasItem("Odd \uFFFD Name"));
        team.api().urlEncodingEnabled(false).get("/api/v1/contacts?q=Ca%C3%B1%C3%B3n%20%25").then().statusCode(200);
    }

    /**
     * A page's address with a slash at its end is sent to the address without it: the routes matched either way, and
     * the wall chart drawn at .../chart/ had every relative link (a column's, a card's Move) lead to a 404 (a walk).
     * Never to another host (//), and the API answers as it did.
     */
    @Test
    void aPagesAddressWithASlashAtItsEndGoesToTheAddressWithout() throws Exception {
        TestTeam team = TestTeam.create();
        String org = team.api().body(Map.of("name", "Slash Works")).post("/api/v1/organizations").then().statusCode(201)
                .extract().path("id");
        given().redirects().follow(false).get("/organizations/" + org + "/chart/?level=new").then().statusCode(301)
                .header("Location", is("/organizations/" + org + "/chart?level=new"));
        given().redirects().follow(false).urlEncodingEnabled(false).get("/contacts//").then().statusCode(301).header("Location", is("/contacts"));
        given().redirects().follow(false).head("/login/").then().statusCode(301).header("Location", is("/login"));
        // not a page's: //host/ is another host's address to a browser, and an API client is answered as before
        for (String path : List.of("//evil.example/", "///evil.example//")) {
            String answer = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertFalse(answer.startsWith("HTTP/1.1 301"), path + ": " + answer.lines().findFirst().orElse(""));
            assertFalse(answer.toLowerCase(java.util.Locale.ROOT).contains("location: //"), answer);
        }
        team.api().redirects().follow(false).get("/api/v1/contacts/").then().statusCode(not(301));
        // a post to such an address is answered as the same post without the slash is (here: to log in first), not
        // sent elsewhere unread
        int bare = given().redirects().follow(false).accept("text/html").post("/contacts").statusCode();
        given().redirects().follow(false).accept("text/html").post("/contacts/").then().statusCode(bare);
    }

    /**
     * A JSON body declared in another charset was read as UTF-8 all the same (Latin-1's 'é' a
     * broken character, UTF-16 a parse error): a 415 saying the API reads UTF-8 only. UTF-8 by
     * any of its names, or no charset, is taken.
     */
    @Test
    void aJsonBodyInAnotherCharsetIsA415() {
        TestTeam team = TestTeam.create();
        for (String charset : List.of("ISO-8859-1", "utf-16", "\"windows-1252\"")) {
            java.nio.charset.Charset named = java.nio.charset.Charset.forName(charset.replace("\"", ""));
            given().auth().oauth2(team.token).contentType("application/json; charset=" + charset)
                    .body("{\"fullName\":\"Jos\u00e9\"}".getBytes(named)).post("/api/v1/contacts")
                    .then().statusCode(415).contentType(PROBLEM).body("status", is(415))
                    .body("detail", containsString("reads JSON as UTF-8 only"));
        }
        // unauthenticated too: refused before anything reads the body
        given().contentType("application/json; charset=ISO-8859-1").body("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/tokens").then().statusCode(415).contentType(PROBLEM);
        team.api().get("/api/v1/contacts").then().body("items", empty());
        for (String type : List.of("application/json; charset=utf-8", "application/json;charset=UTF8", "application/json")) {
            given().auth().oauth2(team.token).contentType(type)
                    .body(("{\"fullName\":\"Jos\u00e9 " + type.length() + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .post("/api/v1/contacts").then().statusCode(201).body("fullName", startsWith("Jos\u00e9"));
        }
    }

    private static void nul(TestTeam team, String method, String path, Map<String, ?> body, String field) {
        var response = method.equals("post") ? team.api().body(body).post(path) : team.api().body(body).patch(path);
        response.then().log().ifValidationFails().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is(field)).body("errors[0].message", containsString("NUL"));
    }
}
