package org.groundwork.platform;

import io.quarkus.test.junit.QuarkusTest;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

/**
 * One rule for the parameters every list shares, on every list: a {@code limit} that is not a
 * whole number from 1 to 200, a cursor the API did not give out, and an id filter that is not an
 * id are each a 400 problem naming the parameter (never a 404, never a 500).
 */
@QuarkusTest
class ListParametersTest {

    @Test
    void limitsAndCursorsAreCheckedAlikeOnEveryList() {
        TestTeam team = TestTeam.create();
        String contact = team.api().body(Map.of("fullName", "Listed")).post("/api/v1/contacts")
                .then().statusCode(201).extract().path("id");
        List<String> lists = List.of("/api/v1/contacts", "/api/v1/contacts/" + contact + "/timeline",
                "/api/v1/organizations", "/api/v1/organizers", "/api/v1/works", "/api/v1/followups",
                "/api/v1/conversations", "/api/v1/actions", "/api/v1/audit");
        for (String list : lists) {
            for (String limit : List.of("abc", "0", "201", "-1", "1.5", "99999999999")) {
                refused(team, list + "?limit=" + limit, "limit");
            }
            // a sign, or another script's digits: refused as an id or a date with them is (the walk)
            for (String limit : List.of("+5", "\uFF15", "\u0665", "5\u00A0")) {
                team.api().queryParam("limit", limit).get(list).then().statusCode(400).body("errors[0].field", is("limit"));
            }
            refused(team, list + "?cursor=not-a-cursor!", "cursor");
            team.api().queryParam("limit", " 200 ").get(list).then().statusCode(200);
        }
    }

    /**
     * The lists that are always one page (an organization's units, a contact's ties, one's sessions and
     * tokens) and the organic leaders' ranking read {@code limit} as every list does and refuse a cursor,
     * which they never give out (the probe: {@code ?limit=abc&cursor=garbage} was a 200).
     */
    @Test
    void wholeListsCheckTheirLimitAndRefuseACursor() {
        TestTeam team = TestTeam.create();
        String contact = team.api().body(Map.of("fullName", "Tied")).post("/api/v1/contacts")
                .then().statusCode(201).extract().path("id");
        String organization = team.api().body(Map.of("name", "Whole Lists Depot")).post("/api/v1/organizations")
                .then().statusCode(201).extract().path("id");
        for (String name : List.of("Days", "Nights")) {
            team.api().body(Map.of("name", name)).post("/api/v1/organizations/" + organization + "/units")
                    .then().statusCode(201);
        }
        String units = "/api/v1/organizations/" + organization + "/units";
        for (String list : List.of(units, "/api/v1/contacts/" + contact + "/ties", "/api/v1/sessions", "/api/v1/tokens",
                "/api/v1/organizations/" + organization + "/leaders")) {
            for (String limit : List.of("abc", "0", "201")) {
                refused(team, list + "?limit=" + limit, "limit");
            }
            refused(team, list + "?cursor=garbage", "cursor");
            team.api().queryParam("limit", "200").get(list).then().statusCode(200)
                    .body("nextCursor", org.hamcrest.Matchers.nullValue());
        }
        // one page: every item, whatever the limit says
        team.api().queryParam("limit", "1").get(units).then().statusCode(200)
                .body("items", org.hamcrest.Matchers.hasSize(2));
    }

    /** A cursor's id is read as written, as every id is (Ids.read): "1a24511-…" was taken for "01a24511-…". */
    @Test
    void aCursorsIdIsReadOnlyAsWritten() {
        TestTeam team = TestTeam.create();
        team.member("organizer");
        String given = next(team, "/api/v1/organizers");
        String raw = new String(java.util.Base64.getUrlDecoder().decode(given), java.nio.charset.StandardCharsets.UTF_8);
        int bar = raw.lastIndexOf('|');
        java.util.function.Function<String, String> with = id -> java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString((raw.substring(0, bar + 1) + id).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String id = raw.substring(bar + 1);
        team.api().queryParam("cursor", with.apply(id)).get("/api/v1/organizers").then().statusCode(200);
        // the first group a digit short, the second written as one digit: UUID.fromString took both
        for (String shortened : List.of(id.substring(1), id.substring(0, 9) + "0" + id.substring(13))) {
            refusedCursor(team, with.apply(shortened));
        }
    }

    private static void refusedCursor(TestTeam team, String cursor) {
        team.api().queryParam("cursor", cursor).get("/api/v1/organizers").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.is("cursor"));
    }

    /**
     * A cursor is a position in the list it came from, with its filters: one of the contacts sent to
     * the follow-ups (both ordered by id), one of the conversations sent to the audit trail (both by
     * time), one of a contact's timeline sent to another's, or one of {@code level=new} sent with
     * {@code level=cadre}, was read as a position there, silently skipping or repeating rows. Each is
     * now the 400 a cursor the API never gave out gets; the list's own next page is served as before.
     */
    @Test
    void aCursorIsReadOnlyByTheListAndFiltersItCameFrom() {
        TestTeam team = TestTeam.create();
        List<String> contacts = new java.util.ArrayList<>();
        for (String name : List.of("One", "Two", "Three")) {
            contacts.add(team.api().body(Map.of("fullName", name, "engagementLevel", "new")).post("/api/v1/contacts")
                    .then().statusCode(201).extract().path("id"));
            team.api().body(Map.of("contactId", contacts.get(contacts.size() - 1), "durationMinutes", 5))
                    .post("/api/v1/conversations").then().statusCode(201);
        }
        // a second for the first contact: its timeline has a next page
        team.api().body(Map.of("contactId", contacts.get(0), "durationMinutes", 5))
                .post("/api/v1/conversations").then().statusCode(201);
        String ofContacts = next(team, "/api/v1/contacts?level=new");
        String ofConversations = next(team, "/api/v1/conversations");
        String ofTimeline = next(team, "/api/v1/contacts/" + contacts.get(0) + "/timeline");
        // each list's own next page, with the same filters, as before
        team.api().queryParam("cursor", ofContacts).get("/api/v1/contacts?level=new&limit=1").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.hasSize(1));
        team.api().queryParam("cursor", ofConversations).get("/api/v1/conversations?limit=5").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.hasSize(3));
        for (String[] elsewhere : List.of(
                new String[] {"/api/v1/followups", ofContacts},
                new String[] {"/api/v1/organizers", ofContacts},
                new String[] {"/api/v1/works", ofContacts},
                new String[] {"/api/v1/contacts?level=cadre", ofContacts},
                new String[] {"/api/v1/contacts", ofContacts},
                new String[] {"/api/v1/audit", ofConversations},
                new String[] {"/api/v1/actions", ofConversations},
                new String[] {"/api/v1/conversations?contact=" + contacts.get(1), ofConversations},
                new String[] {"/api/v1/contacts/" + contacts.get(1) + "/timeline", ofTimeline},
                new String[] {"/api/v1/conversations", ofTimeline})) {
            team.api().queryParam("cursor", elsewhere[1]).get(elsewhere[0]).then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem("cursor"))
                    .body("errors.message", hasItem("is not a cursor this API gave out; start again without it"));
        }
        // another team's cursor of the same list, with the same filters: a 400 too (a walk: read as a position
        // among the other team's own rows)
        TestTeam other = TestTeam.create();
        other.api().body(Map.of("fullName", "Other One", "engagementLevel", "new")).post("/api/v1/contacts").then().statusCode(201);
        other.api().queryParam("cursor", ofContacts).get("/api/v1/contacts?level=new&limit=1").then().statusCode(400)
                .body("errors.field", hasItem("cursor"));
        other.api().queryParam("cursor", ofConversations).get("/api/v1/conversations?limit=5").then().statusCode(400);
    }

    /**
     * A cursor's tag is no secret (a hash of the list's name and filters), so anyone can write one
     * holding any position. A time PostgreSQL cannot hold (the year 1000000000, or before 4713 BC)
     * went through to the database as "timestamp out of range": a 500 and an ERROR in the log on
     * each list ordered by time. It is the 400 any other cursor the API did not give out gets.
     */
    @Test
    void aForgedCursorHoldingATimeTheDatabaseCannotHoldIsA400() {
        TestTeam team = TestTeam.create();
        String contact = team.api().body(Map.of("fullName", "Forged")).post("/api/v1/contacts")
                .then().statusCode(201).extract().path("id");
        for (int i = 0; i < 2; i++) {
            team.api().body(Map.of("contactId", contact, "durationMinutes", 5)).post("/api/v1/conversations")
                    .then().statusCode(201);
        }
        team.api().body(Map.of("title", "One", "kind", "picket", "startsAt", "2026-03-01T10:00:00Z",
                "durationMinutes", 60)).post("/api/v1/actions").then().statusCode(201);
        team.api().body(Map.of("title", "Two", "kind", "picket", "startsAt", "2026-03-02T10:00:00Z",
                "durationMinutes", 60)).post("/api/v1/actions").then().statusCode(201);
        for (String list : List.of("/api/v1/conversations", "/api/v1/actions", "/api/v1/audit",
                "/api/v1/contacts/" + contact + "/timeline")) {
            String[] given = new String(java.util.Base64.getUrlDecoder().decode(next(team, list)),
                    java.nio.charset.StandardCharsets.UTF_8).split("\\|");
            // tag | time | id, as the list gave it out
            for (String at : List.of("+1000000000-12-31T23:59:59Z", "-1000000000-01-01T00:00:00Z",
                    "+294277-01-01T00:00:00Z", "-4800-01-01T00:00:00Z")) {
                String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                        (given[0] + "|" + at + "|" + given[2]).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                team.api().queryParam("cursor", forged).get(list).then().statusCode(400)
                        .contentType("application/problem+json").body("errors.field", hasItem("cursor"));
            }
            // a time PostgreSQL holds is a position like any other, up to both ends of its range
            for (String at : List.of("-4712-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "+294276-12-31T23:59:59Z")) {
                String held = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                        (given[0] + "|" + at + "|" + given[2]).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                team.api().queryParam("cursor", held).get(list).then().statusCode(200);
            }
        }
    }

    /** The cursor after the first row of a list asked for a row at a time. */
    private static String next(TestTeam team, String list) {
        String cursor = team.api().queryParam("limit", 1).get(list).then().statusCode(200).extract().path("nextCursor");
        org.junit.jupiter.api.Assertions.assertNotNull(cursor, list);
        return cursor;
    }

    @Test
    void idFiltersThatAreNotIdsAreBadInputEverywhere() {
        TestTeam team = TestTeam.create();
        String month = "from=2026-03-01&to=2026-03-31";
        for (String[] filter : List.of(
                new String[] {"/api/v1/contacts?owner=nope", "owner"},
                new String[] {"/api/v1/contacts?organization=nope", "organization"},
                new String[] {"/api/v1/followups?assignee=nope", "assignee"},
                new String[] {"/api/v1/followups?contact=nope", "contact"},
                new String[] {"/api/v1/followups/queue?organizer=nope", "organizer"},
                new String[] {"/api/v1/conversations?contact=nope", "contact"},
                new String[] {"/api/v1/conversations?organizer=nope", "organizer"},
                new String[] {"/api/v1/conversations?work=nope", "work"},
                new String[] {"/api/v1/actions?work=nope", "work"},
                new String[] {"/api/v1/audit?organizer=nope", "organizer"},
                new String[] {"/api/v1/audit?contact=nope", "contact"},
                new String[] {"/api/v1/reports/time?" + month + "&organizer=nope", "organizer"},
                new String[] {"/api/v1/reports/time?" + month + "&work=nope", "work"},
                new String[] {"/api/v1/reports/movement?" + month + "&organizer=nope", "organizer"})) {
            refused(team, filter[0], filter[1]);
        }
    }

    /**
     * A query parameter the request does not read is a 400 naming it, as a body's unknown field is: a misspelt
     * {@code levle=cadre} or a filter the list does not have ({@code unit=}) listed every contact as if
     * filtered (the probe). Nothing is written when a write comes with one.
     */
    @Test
    void aQueryParameterTheRequestDoesNotReadIsRefused() {
        TestTeam team = TestTeam.create();
        team.api().body(Map.of("fullName", "Cadre One", "engagementLevel", "cadre")).post("/api/v1/contacts")
                .then().statusCode(201);
        team.api().body(Map.of("fullName", "New One")).post("/api/v1/contacts").then().statusCode(201);
        team.api().queryParam("levle", "cadre").get("/api/v1/contacts").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.is("levle"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("level"));
        refused(team, "/api/v1/contacts?level=cadre&unit=x", "unit");
        team.api().queryParam("level", "cadre").get("/api/v1/contacts").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.hasSize(1));
        // a name is the method's exactly: "LEVEL" is none, also beside "level" (the request's parameters fold case)
        refused(team, "/api/v1/contacts?LEVEL=cadre", "LEVEL");
        refused(team, "/api/v1/contacts?level=cadre&LeVeL=new", "LeVeL");
        team.api().urlEncodingEnabled(false).get("/api/v1/contacts?%6cevel=cadre").then().statusCode(200).body("items", org.hamcrest.Matchers.hasSize(1));
        // a broken escape in a name or a value: a 400, never the decoder's 500
        for (String broken : List.of("?le%zzvel=cadre", "?level=cad%zzre", "?level=cadre%", "?level%=cadre")) {
            String answer = org.groundwork.support.RawHttp.raw(io.restassured.RestAssured.port, "GET /api/v1/contacts" + broken
                    + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAuthorization: Bearer " + team.token + "\r\n\r\n");
            org.hamcrest.MatcherAssert.assertThat(broken + ": " + answer, answer, org.hamcrest.Matchers.startsWith("HTTP/1.1 400"));
        }
        // a client's own cache-breaker is no filter's name
        team.api().queryParam("level", "cadre").queryParam("_", "1733400000000").get("/api/v1/contacts").then()
                .statusCode(200).body("items", org.hamcrest.Matchers.hasSize(1));
        team.api().queryParam("verbose", "1").get("/api/v1/me").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.is("verbose"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("takes none"));
        team.api().queryParam("owner", "me").body(Map.of("fullName", "Not Written")).post("/api/v1/contacts")
                .then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.is("owner"));
        team.api().queryParam("q", "Not Written").get("/api/v1/contacts").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
    }

    private static void refused(TestTeam team, String path, String parameter) {
        team.api().get(path).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(parameter));
    }
}
