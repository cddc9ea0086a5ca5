package org.groundwork.action;

import org.groundwork.support.AllTeams;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

@QuarkusTest
class ActionsTest {

    @Inject
    EntityManager em;

    // --- helpers -------------------------------------------------------------------------

    static Map<String, Object> action(String title, String startsAt) {
        return Map.of("title", title, "startsAt", startsAt, "durationMinutes", 90);
    }

    static String newAction(TestTeam team, String title, String startsAt) {
        return team.api().body(action(title, startsAt)).post("/api/v1/actions")
                .then().statusCode(201).extract().path("id");
    }

    /** Contact endpoints are built elsewhere: seed contacts straight into the table. */
    String contact(TestTeam team, String name, String ownerId) {
        UUID id = UUID.randomUUID();
        AllTeams.run(() -> em.createNativeQuery(
                        "insert into contact (id, team_id, full_name, owner_id) values (?1, ?2, ?3, ?4)")
                .setParameter(1, id)
                .setParameter(2, UUID.fromString(team.teamId))
                .setParameter(3, name)
                .setParameter(4, ownerId == null ? null : UUID.fromString(ownerId))
                .executeUpdate());
        return id.toString();
    }

    /** The after-action follow-ups of a contact: [assignee_id, due_on, status, source_action_id]. */
    @SuppressWarnings("unchecked")
    List<Object[]> afterAction(String contactId) {
        return AllTeams.call(() -> em.createNativeQuery("""
                        select assignee_id::text, due_on::text, status, source_action_id::text from follow_up
                        where contact_id = ?1 and reason = 'after-action' order by created_at""")
                .setParameter(1, UUID.fromString(contactId))
                .getResultList());
    }

    long contactCount(TestTeam team) {
        return AllTeams.call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from contact where team_id = ?1")
                .setParameter(1, UUID.fromString(team.teamId)).getSingleResult()).longValue());
    }

    static Map<String, Object> item(Object... pairs) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    static JsonPath attend(TestTeam team, String actionId, List<?> items) {
        return team.api().body(items).put("/api/v1/actions/" + actionId + "/attendance")
                .then().statusCode(200).extract().jsonPath();
    }

    // --- actions -------------------------------------------------------------------------

    @Test
    void createReadWithDefaultsAndWork() {
        TestTeam team = TestTeam.create();
        String work = team.api().body(Map.of("name", "Depot strike support", "focus", "bring-in-new"))
                .post("/api/v1/works").then().statusCode(201).extract().path("id");
        String location = team.api().body(Map.of("title", " Picket at the depot ", "kind", "picket", "workId", work,
                        "startsAt", "2026-05-01T06:00:00Z", "durationMinutes", 180, "location", "North gate"))
                .post("/api/v1/actions").then().statusCode(201)
                .header("ETag", notNullValue())
                .body("title", is("Picket at the depot"))
                .body("kind", is("picket"))
                .body("workId", is(work))
                .body("startsAt", is("2026-05-01T06:00:00Z"))
                .body("durationMinutes", is(180))
                .body("location", is("North gate"))
                .body("organizerIds", contains(team.adminId))
                .body("attendance", empty())
                .body("createdAt", notNullValue())
                .extract().header("Location");
        assertNotNull(location);
        String id = location.substring(location.lastIndexOf('/') + 1);
        team.api().get("/api/v1/actions/" + id).then().statusCode(200)
                .header("ETag", notNullValue())
                .body("id", is(id)).body("attendance", empty()).body("attendeeCount", is(0));

        var member = team.member("organizer");
        team.api().body(Map.of("title", "Meeting", "startsAt", "2026-05-02T18:00:00Z", "durationMinutes", 60,
                        "organizerIds", List.of(member.id(), team.adminId, member.id())))
                .post("/api/v1/actions").then().statusCode(201)
                .body("kind", is("other"))
                .body("workId", nullValue())
                .body("organizerIds", containsInAnyOrder(member.id(), team.adminId));
        member.api().body(action("Canvass", "2026-05-03T10:00:00Z")).post("/api/v1/actions").then().statusCode(201)
                .body("organizerIds", contains(member.id()));
    }

    @Test
    void badActionInputIsAProblemNamingTheFieldAndStoresNothing() {
        TestTeam team = TestTeam.create();
        TestTeam other = TestTeam.create();
        String otherWork = other.api().body(Map.of("name", "Theirs", "focus", "bring-in-new"))
                .post("/api/v1/works").then().statusCode(201).extract().path("id");
        Map<String, Object> base = action("Rally", "2026-05-01T12:00:00Z");

        record Case(Map<String, Object> change, String field) {
        }
        Map<String, Object> noTitle = new HashMap<>(base);
        noTitle.remove("title");
        Map<String, Object> noStart = new HashMap<>(base);
        noStart.remove("startsAt");
        Map<String, Object> noDuration = new HashMap<>(base);
        noDuration.remove("durationMinutes");
        List<Case> cases = List.of(
                new Case(noTitle, "title"),
                new Case(item("title", "  "), "title"),
                // trimmed to nothing and refused by the column's check as a bare 409; stored as sent (the walk)
                new Case(item("title", "\u0001"), "title"),
                new Case(item("title", "\t\u0002"), "title"),
                new Case(item("title", "\u00a0"), "title"),
                new Case(item("title", "\u200b"), "title"),
                new Case(noStart, "startsAt"),
                new Case(noDuration, "durationMinutes"),
                new Case(item("durationMinutes", 0), "durationMinutes"),
                new Case(item("durationMinutes", -5), "durationMinutes"),
                new Case(item("durationMinutes", 10081), "durationMinutes"),
                new Case(item("durationMinutes", "long"), "durationMinutes"),
                new Case(item("kind", "sit-in"), "kind"),
                new Case(item("startsAt", "next tuesday"), "startsAt"),
                new Case(item("startsAt", "2026-13-45T00:00:00Z"), "startsAt"),
                // a mistyped year, as a follow-up's due day: its first-timers' follow-ups would be due then (a walk)
                new Case(item("startsAt", LocalDate.now().plusYears(10).plusDays(2) + "T11:00:00Z"), "startsAt"),
                new Case(item("startsAt", "2199-12-06T11:00:00Z"), "startsAt"),
                new Case(item("location", "z".repeat(501)), "location"),
                new Case(item("workId", otherWork), "workId"),
                new Case(item("workId", UUID.randomUUID().toString()), "workId"),
                new Case(item("organizerIds", List.of(team.adminId, other.adminId)), "organizerIds[1]"),
                new Case(item("organizerIds", List.of("nobody")), "organizerIds[0]"));
        for (Case c : cases) {
            Map<String, Object> body = new HashMap<>(base);
            body.putAll(c.change());
            if (c.change() == noTitle || c.change() == noStart || c.change() == noDuration) {
                body = c.change();
            }
            team.api().body(body).post("/api/v1/actions").then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem(c.field()));
        }
        // a title that shows nothing is said in the same answer as the other fields' refusals
        Map<String, Object> two = new HashMap<>(base);
        two.putAll(item("title", "\u0001", "workId", UUID.randomUUID().toString()));
        team.api().body(two).post("/api/v1/actions").then().statusCode(400)
                .body("errors.field", hasItems("title", "workId"));
        team.api().body("{\"title\": ").post("/api/v1/actions").then().statusCode(400)
                .contentType("application/problem+json");
        team.api().contentType(ContentType.TEXT).body("title=Rally").post("/api/v1/actions").then().statusCode(415)
                .contentType("application/problem+json");
        team.api().post("/api/v1/actions").then().statusCode(400).contentType("application/problem+json");
        team.api().get("/api/v1/actions").then().statusCode(200).body("items", empty());
    }

    /**
     * organizerIds had no bound, and each id is looked up: 200,000 of them took 18 s and answered
     * 29 MB of errors (the walk of session 36), and a body of the import's 50 MB would run past the
     * transaction. At most {@link ActionJson#MAX_ORGANIZERS}, on create and change; a longer list is
     * a 400 naming it and stores nothing, before any lookup.
     */
    @Test
    void theOrganizersOfAnActionAreABoundedList() {
        TestTeam team = TestTeam.create();
        List<String> tooMany = java.util.Collections.nCopies(ActionJson.MAX_ORGANIZERS + 1, team.adminId);
        Map<String, Object> body = new HashMap<>(action("Rally", "2026-05-01T12:00:00Z"));
        body.put("organizerIds", tooMany);
        team.api().body(body).post("/api/v1/actions").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("organizerIds"))
                // not @Size's "size must be between 0 and 200": an empty list is refused too (a walk)
                .body("errors.message", hasItem("must name at most 200 ids"));
        team.api().get("/api/v1/actions").then().statusCode(200).body("items", empty());
        // a conversation's follow-ups to complete, the other list of ids, says it the same way
        String contact = team.api().body(Map.of("fullName", "Rosa Parks")).post("/api/v1/contacts").then()
                .statusCode(201).extract().path("id");
        team.api().body(Map.of("contactId", contact, "durationMinutes", 5, "completeFollowUpIds",
                        java.util.Collections.nCopies(201, team.adminId))).post("/api/v1/conversations").then()
                .statusCode(400).body("errors.field", hasItem("completeFollowUpIds"))
                .body("errors.message", hasItem("must name at most 200 ids"));

        String id = newAction(team, "Picket", "2026-05-02T06:00:00Z");
        team.api().body(Map.of("organizerIds", tooMany)).patch("/api/v1/actions/" + id).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("organizerIds"));
        body.put("organizerIds", java.util.Collections.nCopies(ActionJson.MAX_ORGANIZERS, team.adminId));
        team.api().body(body).post("/api/v1/actions").then().statusCode(201)
                .body("organizerIds", org.hamcrest.Matchers.contains(team.adminId));
    }

    @Test
    void patchIsAMergePatchGuardedByIfMatch() {
        TestTeam team = TestTeam.create();
        var member = team.member("organizer");
        String work = team.api().body(Map.of("name", "Committee", "focus", "deepen-involvement"))
                .post("/api/v1/works").then().statusCode(201).extract().path("id");
        String id = team.api().body(Map.of("title", "Meeting", "startsAt", "2026-05-01T18:00:00Z",
                        "durationMinutes", 60, "workId", work, "location", "Hall"))
                .post("/api/v1/actions").then().statusCode(201).extract().path("id");
        String etag = team.api().get("/api/v1/actions/" + id).then().extract().header("ETag");

        Map<String, Object> change = item("workId", null, "location", null, "kind", "training",
                "organizerIds", List.of(member.id()), "durationMinutes", 120);
        String newTag = team.api().header("If-Match", etag).body(change).patch("/api/v1/actions/" + id)
                .then().statusCode(200)
                .body("title", is("Meeting"))
                .body("kind", is("training"))
                .body("workId", nullValue())
                .body("location", nullValue())
                .body("durationMinutes", is(120))
                .body("organizerIds", contains(member.id()))
                .extract().header("ETag");
        org.junit.jupiter.api.Assertions.assertNotEquals(etag, newTag);
        team.api().header("If-Match", etag).body(Map.of("title", "Stale")).patch("/api/v1/actions/" + id)
                .then().statusCode(412).contentType("application/problem+json");

        team.api().body(item("title", null)).patch("/api/v1/actions/" + id).then().statusCode(400)
                .body("errors[0].field", is("title"));
        team.api().body(item("startsAt", "2199-12-06T11:00:00Z")).patch("/api/v1/actions/" + id).then().statusCode(400)
                .body("errors[0].field", is("startsAt")).body("errors[0].message", is("must be within ten years from today"));
        team.api().body(item("title", "\t\u0002")).patch("/api/v1/actions/" + id).then().statusCode(400)
                .body("errors[0].field", is("title")).body("errors[0].message", is("must not be blank"));
        team.api().body(item("startsAt", null)).patch("/api/v1/actions/" + id).then().statusCode(400)
                .body("errors[0].field", is("startsAt"));
        team.api().body(item("durationMinutes", 0)).patch("/api/v1/actions/" + id).then().statusCode(400)
                .body("errors[0].field", is("durationMinutes"));
        team.api().body(item("kind", "party")).patch("/api/v1/actions/" + id).then().statusCode(400)
                .body("errors[0].field", is("kind"));
        team.api().body(item("startsAt", "soon")).patch("/api/v1/actions/" + id).then().statusCode(400)
                .body("errors[0].field", is("startsAt"));
        team.api().body(item("workId", UUID.randomUUID().toString())).patch("/api/v1/actions/" + id)
                .then().statusCode(400).body("errors[0].field", is("workId"));
        // each refused id is named by its place in the list, as every list's field is ("tags[1]")
        team.api().body(item("organizerIds", List.of(member.id(), UUID.randomUUID().toString())))
                .patch("/api/v1/actions/" + id)
                .then().statusCode(400).body("errors[0].field", is("organizerIds[1]"))
                .body("errors[0].message", is("no organizer with that id in your team"));
        team.api().body("{\"organizerIds\": [null]}").patch("/api/v1/actions/" + id)
                .then().statusCode(400).body("errors[0].field", is("organizerIds[0]"))
                .body("errors[0].message", is("must be an organizer id"));
        team.api().body("{oops").patch("/api/v1/actions/" + id).then().statusCode(400);
        team.api().header("If-Match", newTag).body(Map.of("title", "Planning meeting", "workId", work))
                .patch("/api/v1/actions/" + id).then().statusCode(200)
                .body("title", is("Planning meeting")).body("workId", is(work))
                .body("organizerIds", contains(member.id()));
    }

    @Test
    void listIsNewestFirstWithCountsCursorAndWorkFilter() {
        TestTeam team = TestTeam.create();
        String work = team.api().body(Map.of("name", "Tenants", "focus", "bring-in-new"))
                .post("/api/v1/works").then().statusCode(201).extract().path("id");
        String a1 = newAction(team, "One", "2026-01-01T10:00:00Z");
        String a3 = newAction(team, "Three", "2026-03-01T10:00:00Z");
        String a2 = team.api().body(Map.of("title", "Two", "startsAt", "2026-02-01T10:00:00Z",
                        "durationMinutes", 30, "workId", work))
                .post("/api/v1/actions").then().statusCode(201).extract().path("id");
        // two at the same time: the id breaks the tie, so no row is skipped or repeated
        String a4 = newAction(team, "Four", "2026-04-01T10:00:00Z");
        String a5 = newAction(team, "Five", "2026-04-01T10:00:00Z");
        String known = contact(team, "Known Person", null);
        attend(team, a2, List.of(item("contactId", known, "firstTime", false),
                item("newContact", Map.of("fullName", "Door One")),
                item("newContact", Map.of("fullName", "Door Two", "phone", "555-0101"))));

        var page1 = team.api().get("/api/v1/actions?limit=2").then().statusCode(200)
                .body("items.id", contains(a5, a4))
                .body("nextCursor", notNullValue()).extract().jsonPath();
        var page2 = team.api().queryParam("limit", 2).queryParam("cursor", page1.getString("nextCursor"))
                .get("/api/v1/actions").then().statusCode(200)
                .body("items.id", contains(a3, a2))
                .body("items[1].attendeeCount", is(3))
                .body("items[1].firstTimerCount", is(2))
                .body("items[1].organizerIds", contains(team.adminId))
                .body("items[0].attendeeCount", is(0))
                .extract().jsonPath();
        team.api().queryParam("limit", 2).queryParam("cursor", page2.getString("nextCursor"))
                .get("/api/v1/actions").then().statusCode(200)
                .body("items.id", contains(a1)).body("nextCursor", nullValue());
        team.api().get("/api/v1/actions?work=" + work).then().statusCode(200).body("items.id", contains(a2));
        // an id that names no work of the team is refused, as a malformed one is
        team.api().get("/api/v1/actions?work=" + UUID.randomUUID()).then().statusCode(400)
                .body("errors[0].field", is("work"));
        team.api().get("/api/v1/actions?work=nope").then().statusCode(400).body("errors[0].field", is("work"));
        team.api().get("/api/v1/actions?limit=201").then().statusCode(400).body("errors[0].field", is("limit"));
        team.api().get("/api/v1/actions?cursor=bad").then().statusCode(400).body("errors[0].field", is("cursor"));
    }

    // --- attendance ----------------------------------------------------------------------

    @Test
    void attendanceIsReplacedWholeWithDoorCheckIns() {
        TestTeam team = TestTeam.create();
        String id = newAction(team, "Picket", "2026-05-01T06:00:00Z");
        String ana = contact(team, "Ana Known", null);
        String ben = contact(team, "Ben Known", null);
        String etag = team.api().get("/api/v1/actions/" + id).then().extract().header("ETag");

        var first = team.api().body(List.of(
                        item("contactId", ana, "notes", "brought coffee"),
                        item("contactId", ben, "firstTime", false),
                        item("newContact", Map.of("fullName", " Carla at the door ", "phone", "555-0199"), "notes", "driver")))
                .put("/api/v1/actions/" + id + "/attendance").then().statusCode(200)
                .body("id", is(id))
                .body("attendeeCount", is(3))
                .body("firstTimerCount", is(2))
                .body("attendance.fullName", contains("Ana Known", "Ben Known", "Carla at the door"))
                .body("attendance.firstTime", contains(true, false, true))
                .body("attendance.notes", contains("brought coffee", null, "driver"))
                .extract();
        org.junit.jupiter.api.Assertions.assertNotEquals(etag, first.header("ETag"));
        String carla = first.path("attendance[2].contactId");
        Object[] carlaRow = AllTeams.call(() -> (Object[]) em.createNativeQuery(
                        "select full_name, phone, owner_id::text from contact where id = ?1")
                .setParameter(1, UUID.fromString(carla)).getSingleResult());
        assertEquals("Carla at the door", carlaRow[0]);
        assertEquals("555-0199", carlaRow[1]);
        assertEquals(team.adminId, carlaRow[2]);

        // replace: Ben leaves, Carla stays (firstTime kept when omitted), notes replaced
        attend(team, id, List.of(item("contactId", carla), item("contactId", ana, "notes", "spoke at the end")));
        team.api().get("/api/v1/actions/" + id).then().statusCode(200)
                .body("attendance.contactId", containsInAnyOrder(ana, carla))
                .body("attendance.find { it.contactId == '" + carla + "' }.firstTime", is(true))
                .body("attendance.find { it.contactId == '" + carla + "' }.notes", nullValue())
                .body("attendance.find { it.contactId == '" + ana + "' }.notes", is("spoke at the end"));

        team.api().header("If-Match", etag).body(List.of()).put("/api/v1/actions/" + id + "/attendance")
                .then().statusCode(412);
        attend(team, id, List.of());
        team.api().get("/api/v1/actions/" + id).then().body("attendance", empty()).body("attendeeCount", is(0));
    }

    @Test
    void badAttendanceIsRefusedWholeAndChangesNothing() {
        TestTeam team = TestTeam.create();
        TestTeam other = TestTeam.create();
        String id = newAction(team, "March", "2026-05-01T12:00:00Z");
        String ana = contact(team, "Ana", null);
        String foreign = contact(other, "Not ours", null);
        attend(team, id, List.of(item("contactId", ana, "notes", "steward")));
        String before = team.api().get("/api/v1/actions/" + id).then().extract().body().asString();
        long contactsBefore = contactCount(team);

        Map<String, Object> door = item("newContact", Map.of("fullName", "Would be created"));
        record Case(List<?> body, String field) {
        }
        List<Case> cases = List.of(
                new Case(List.of(door, item("contactId", UUID.randomUUID().toString())), "[1].contactId"),
                new Case(List.of(door, item("contactId", ana), item("contactId", foreign)), "[2].contactId"),
                new Case(List.of(door, item("contactId", ana), item("contactId", ana)), "[2].contactId"),
                new Case(List.of(door, item("notes", "who?")), "[1].contactId"),
                new Case(List.of(item("contactId", ana, "newContact", Map.of("fullName", "Both"))), "[0].contactId"),
                new Case(List.of(door, item("newContact", Map.of("phone", "555"))), "[1].newContact.fullName"),
                new Case(List.of(door, item("contactId", ana, "firstTime", "maybe")), "[1].firstTime"),
                new Case(List.of(door, item("contactId", "not-a-uuid")), "[1].contactId"),
                new Case(List.of(door, item("contactId", ana, "notes", "n".repeat(2001))), "[1].notes"),
                // the very same new person twice: a double tap, not two people (a walk: two contacts, two follow-ups)
                new Case(List.of(door, item("contactId", ana), door), "[2].newContact"),
                // and so as they would be stored: a no-break space, case, the phone written otherwise (the next walk)
                new Case(List.of(item("newContact", Map.of("fullName", "Walk\u00a0Dup", "phone", "(718) 555-0199")),
                        item("newContact", Map.of("fullName", "walk  dup", "phone", "718 555 0199"))), "[1].newContact"));
        for (Case c : cases) {
            team.api().body(c.body()).put("/api/v1/actions/" + id + "/attendance").then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem(c.field()));
        }
        team.api().body("[{\"contactId\": ").put("/api/v1/actions/" + id + "/attendance").then().statusCode(400)
                .contentType("application/problem+json");
        team.api().body(Map.of("contactId", ana)).put("/api/v1/actions/" + id + "/attendance").then().statusCode(400)
                .contentType("application/problem+json");
        team.api().contentType(ContentType.TEXT).body("Ana").put("/api/v1/actions/" + id + "/attendance")
                .then().statusCode(415).contentType("application/problem+json");
        team.api().put("/api/v1/actions/" + id + "/attendance").then().statusCode(400)
                .contentType("application/problem+json");

        String after = team.api().get("/api/v1/actions/" + id).then().extract().body().asString();
        assertEquals(before, after);
        assertEquals(contactsBefore, contactCount(team));
        assertEquals(List.of(), afterAction(foreign));
    }

    @Test
    void firstTimeDefaultsFromEarlierAttendanceAndGivenValuesStand() {
        TestTeam team = TestTeam.create();
        String march = newAction(team, "March", "2026-03-01T12:00:00Z");
        String april = newAction(team, "April rally", "2026-04-01T12:00:00Z");
        String feb = newAction(team, "February meeting", "2026-02-01T12:00:00Z");
        String veteran = contact(team, "Vera Veteran", null);
        String activist = contact(team, "Long-time Activist", null);
        String newcomer = contact(team, "Nico Newcomer", null);

        attend(team, march, List.of(item("contactId", veteran)));
        var april1 = attend(team, april, List.of(item("contactId", veteran), item("contactId", newcomer),
                item("contactId", activist, "firstTime", false)));
        // listed by name: Long-time Activist, Nico Newcomer, Vera Veteran
        assertEquals(List.of(false, true, false), april1.getList("attendance.firstTime"));
        // an action earlier in time recorded later: nobody attended before February
        var feb1 = attend(team, feb, List.of(item("contactId", newcomer)));
        assertEquals(List.of(true), feb1.getList("attendance.firstTime"));
        // a kept row keeps its value when firstTime is omitted, and takes a given one
        var april2 = attend(team, april, List.of(item("contactId", veteran, "firstTime", true),
                item("contactId", newcomer), item("contactId", activist)));
        // listed by name: Long-time Activist, Nico Newcomer, Vera Veteran
        assertEquals(List.of(false, true, true), april2.getList("attendance.firstTime"));
        var march2 = attend(team, march, List.of(item("contactId", veteran, "firstTime", false)));
        assertEquals(List.of(false), march2.getList("attendance.firstTime"));
    }

    @Test
    void heatRuleOpensOneAfterActionFollowUpDueInTheTeamsTimeZone() {
        TestTeam team = TestTeam.create("America/New_York");
        var member = team.member("organizer");
        // 02:00 UTC on the 10th is the evening of 9 March in New York
        String picket = newAction(team, "Night picket", "2026-03-10T02:00:00Z");
        String later = newAction(team, "Second picket", "2026-03-20T15:00:00Z");
        String owned = contact(team, "Owned by member", member.id());
        String unowned = contact(team, "Nobody's yet", null);
        String veteran = contact(team, "Old hand", null);

        var result = attend(team, picket, List.of(item("contactId", owned), item("contactId", unowned),
                item("contactId", veteran, "firstTime", false), item("newContact", Map.of("fullName", "Door Dee"))));
        String door = result.getString("attendance.find { it.fullName == 'Door Dee' }.contactId");

        List<Object[]> ownedUps = afterAction(owned);
        assertEquals(1, ownedUps.size());
        assertEquals(member.id(), ownedUps.get(0)[0]);
        assertEquals("2026-03-11", ownedUps.get(0)[1]);
        assertEquals("open", ownedUps.get(0)[2]);
        assertEquals(picket, ownedUps.get(0)[3]);
        assertEquals(team.adminId, afterAction(unowned).get(0)[0]);
        assertEquals(team.adminId, afterAction(door).get(0)[0]);
        assertEquals("2026-03-11", afterAction(door).get(0)[1]);
        assertEquals(List.of(), afterAction(veteran));

        // a second first-time attendance while one is open does not open another
        attend(team, later, List.of(item("contactId", owned, "firstTime", true)));
        assertEquals(1, afterAction(owned).size());
        // putting the same list again opens nothing new; someone taken off the list, a first-timer
        // nowhere else, is owed no after-action follow-up: theirs is dropped, not deleted
        // (web/FirstTimerRemovedBothDoorsTest: what is kept)
        attend(team, picket, List.of(item("contactId", owned), item("contactId", veteran)));
        assertEquals(1, afterAction(owned).size());
        assertEquals("open", afterAction(owned).get(0)[2]);
        assertEquals(1, afterAction(unowned).size());
        assertEquals("dropped", afterAction(unowned).get(0)[2]);
        // changing false to true is becoming a first-timer
        attend(team, picket, List.of(item("contactId", owned), item("contactId", veteran, "firstTime", true)));
        assertEquals(1, afterAction(veteran).size());
        assertEquals("2026-03-11", afterAction(veteran).get(0)[1]);
    }

    /**
     * A big rally checked in at once: a statement per first-timer made Hibernate flush and
     * dirty-check the whole check-in before each, and 3,000 people at the door ran past the
     * transaction's minute into a 500 (2,000 took over a minute; now ~9 s on two cores). A list
     * longer than the most an attendance holds is refused before anything is read or written.
     */
    @Test
    void aRallyOfThousandsAtTheDoorIsCheckedInAtOnce() {
        TestTeam team = TestTeam.create();
        String rally = newAction(team, "Rally", "2026-05-01T16:00:00Z");
        int marchers = 2000;
        List<Map<String, Object>> door = new java.util.ArrayList<>();
        for (int i = 0; i < marchers; i++) {
            door.add(item("newContact", Map.of("fullName", "Marcher " + i)));
        }
        JsonPath result = attend(team, rally, door);
        assertEquals(marchers, result.getList("attendance").size());
        assertEquals(marchers, contactCount(team));
        long opened = AllTeams.call(() -> ((Number) em.createNativeQuery("""
                        select count(*) from follow_up where team_id = ?1 and reason = 'after-action'
                        and source_action_id = ?2 and status = 'open'""")
                .setParameter(1, UUID.fromString(team.teamId)).setParameter(2, UUID.fromString(rally))
                .getSingleResult()).longValue());
        assertEquals(marchers, opened);

        List<Map<String, Object>> tooMany = new java.util.ArrayList<>(door);
        while (tooMany.size() <= ActionService.MOST_ATTENDING) {
            tooMany.add(item("newContact", Map.of("fullName", "One too many " + tooMany.size())));
        }
        team.api().body(tooMany).put("/api/v1/actions/" + rally + "/attendance").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("at most " + ActionService.MOST_ATTENDING));
        assertEquals(marchers, contactCount(team));
    }

    @Test
    void anotherTeamGets404EverywhereAndSeesNothing() {
        TestTeam team = TestTeam.create();
        TestTeam other = TestTeam.create();
        String id = newAction(team, "Ours", "2026-05-01T12:00:00Z");
        String ana = contact(team, "Ana", null);
        attend(team, id, List.of(item("contactId", ana)));

        other.api().get("/api/v1/actions/" + id).then().statusCode(404).contentType("application/problem+json");
        other.api().body(Map.of("title", "Theirs")).patch("/api/v1/actions/" + id).then().statusCode(404);
        other.api().body(List.of()).put("/api/v1/actions/" + id + "/attendance").then().statusCode(404);
        other.api().get("/api/v1/actions").then().statusCode(200).body("items", empty());
        team.api().get("/api/v1/actions/nope").then().statusCode(404);
        team.api().body(List.of()).put("/api/v1/actions/" + UUID.randomUUID() + "/attendance").then().statusCode(404);
        team.api().get("/api/v1/actions/" + id).then().statusCode(200)
                .body("title", is("Ours")).body("attendance.contactId", contains(ana));
    }
}
