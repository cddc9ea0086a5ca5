package org.groundwork.contact;

import org.groundwork.support.AllTeams;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ContactsTest {

    static final String UNKNOWN_ID = "0190f0f0-0000-7000-8000-000000000000";

    @Inject
    EntityManager em;
    @Inject
    javax.sql.DataSource dataSource;

    // ---- helpers --------------------------------------------------------------------------

    static String contact(TestTeam team, Map<String, Object> body) {
        return team.api().body(body).post("/api/v1/contacts").then().statusCode(201).extract().path("id");
    }

    static String contact(TestTeam team, String name) {
        return contact(team, Map.of("fullName", name));
    }

    static String organization(TestTeam team, String name) {
        return team.api().body(Map.of("name", name)).post("/api/v1/organizations").then().statusCode(201)
                .extract().path("id");
    }

    /** Other features are built in parallel, so their rows are written here directly. */
    UUID conversation(TestTeam team, String contactId, Instant at, int minutes, String summary) {
        UUID id = UUID.randomUUID();
        AllTeams.run(() -> em.createNativeQuery("""
                        insert into conversation (id, team_id, contact_id, organizer_id, occurred_at, duration_minutes,
                                                  channel, summary, issues, commitments)
                        values (?1, ?2, ?3, ?4, ?5, ?6, 'phone', ?7, 'rent increases', 'will come to the meeting')""")
                .setParameter(1, id).setParameter(2, UUID.fromString(team.teamId))
                .setParameter(3, UUID.fromString(contactId)).setParameter(4, UUID.fromString(team.adminId))
                .setParameter(5, at).setParameter(6, minutes).setParameter(7, summary)
                .executeUpdate());
        return id;
    }

    UUID followUp(TestTeam team, String contactId, String purpose) {
        UUID id = UUID.randomUUID();
        AllTeams.run(() -> em.createNativeQuery("""
                        insert into follow_up (id, team_id, contact_id, assignee_id, due_on, purpose, reason)
                        values (?1, ?2, ?3, ?4, current_date + 2, ?5, 'keep-in-touch')""")
                .setParameter(1, id).setParameter(2, UUID.fromString(team.teamId))
                .setParameter(3, UUID.fromString(contactId)).setParameter(4, UUID.fromString(team.adminId))
                .setParameter(5, purpose)
                .executeUpdate());
        return id;
    }

    UUID attendance(TestTeam team, String contactId, String title, Instant startsAt, String notes) {
        UUID action = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        AllTeams.run(() -> {
            em.createNativeQuery("""
                            insert into action (id, team_id, title, kind, starts_at, duration_minutes, created_by)
                            values (?1, ?2, ?3, 'picket', ?4, 120, ?5)""")
                    .setParameter(1, action).setParameter(2, UUID.fromString(team.teamId)).setParameter(3, title)
                    .setParameter(4, startsAt).setParameter(5, UUID.fromString(team.adminId)).executeUpdate();
            em.createNativeQuery("""
                            insert into attendance (id, team_id, action_id, contact_id, first_time, notes, recorded_by)
                            values (?1, ?2, ?3, ?4, true, ?5, ?6)""")
                    .setParameter(1, id).setParameter(2, UUID.fromString(team.teamId)).setParameter(3, action)
                    .setParameter(4, UUID.fromString(contactId)).setParameter(5, notes)
                    .setParameter(6, UUID.fromString(team.adminId)).executeUpdate();
        });
        return id;
    }

    Object[] row(String sql, Object id) {
        return AllTeams.call(() ->
                (Object[]) em.createNativeQuery(sql).setParameter(1, id).getSingleResult());
    }

    long count(String sql, UUID teamId) {
        return AllTeams.call(() ->
                ((Number) em.createNativeQuery(sql).setParameter(1, teamId).getSingleResult()).longValue());
    }

    // ---- create, read ---------------------------------------------------------------------

    /** A tie has no version: an If-Match naming one is a 412 on either DELETE, and the tie stays (it was ignored, a walk). */
    @Test
    void aTiesDeleteRefusesAnIfMatchNamingAVersion() {
        TestTeam team = TestTeam.create();
        String rosa = contact(team, "Rosa Luxemburg");
        String karl = contact(team, "Karl Liebknecht");
        String tie = team.api().body(Map.of("otherContactId", karl, "kind", "listens-to"))
                .post("/api/v1/contacts/" + rosa + "/ties").then().statusCode(201).extract().path("id");
        team.api().header("If-Match", "\"999\"").delete("/api/v1/contacts/" + rosa + "/ties/" + tie).then()
                .statusCode(412).contentType("application/problem+json").body("detail", containsString("has no version"));
        team.api().header("If-Match", "\"0\"").body(Map.of("otherContactId", karl, "kind", "listens-to"))
                .delete("/api/v1/contacts/" + rosa + "/ties").then().statusCode(412);
        team.api().get("/api/v1/contacts/" + rosa + "/ties").then().body("items", hasSize(1));
        team.api().delete("/api/v1/contacts/" + rosa + "/ties/" + tie).then().statusCode(204);
        team.api().get("/api/v1/contacts/" + rosa + "/ties").then().body("items", hasSize(0));
    }

    /**
     * PATCH is a JSON merge patch (docs/api.md), so a client may say so with RFC 7386's own media type: the walk's
     * application/merge-patch+json was a 415 on every PATCH. The same body either way; a create is no patch.
     */
    @Test
    void aPatchMayNameTheMergePatchMediaType() {
        TestTeam team = TestTeam.create();
        String id = contact(team, Map.of("fullName", "Merge Patch", "email", "merge@example.org"));
        mergePatch(team).contentType("application/merge-patch+json").body("{\"notes\": \"Chairs the meeting\", \"email\": null}")
                .patch("/api/v1/contacts/" + id).then().statusCode(200)
                .body("notes", is("Chairs the meeting")).body("email", nullValue());
        team.api().contentType("application/merge-patch+json; charset=UTF-16")
                .body("{\"notes\": \"wide\"}".getBytes(java.nio.charset.StandardCharsets.UTF_16))
                .patch("/api/v1/contacts/" + id).then().statusCode(415).contentType("application/problem+json");
        mergePatch(team).contentType("application/merge-patch+json").body("{\"coolingDays\": 30}")
                .patch("/api/v1/team").then().statusCode(200).body("coolingDays", is(30));
        mergePatch(team).contentType("application/merge-patch+json").body("{\"fullName\": \"Not A Patch\"}")
                .post("/api/v1/contacts").then().statusCode(415).contentType("application/problem+json");
        team.api().get("/api/v1/contacts/" + id).then().body("notes", is("Chairs the meeting"));
    }

    /** As a client sends it: RestAssured would add charset=ISO-8859-1 to a type it does not know as text. */
    private static io.restassured.specification.RequestSpecification mergePatch(TestTeam team) {
        return team.api().config(io.restassured.RestAssured.config().encoderConfig(io.restassured.config.EncoderConfig
                .encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)));
    }

    /**
     * If-Match sent on two lines is one list (RFC 9110 5.3), as "a", "b" on one line is: the
     * resources read the first line only, so the current tag on the second was a 412 however often
     * it was sent (the walk of session 36). Neither line current is still a 412, and nothing changes.
     */
    @Test
    void ifMatchOnTwoLinesIsOneList() {
        TestTeam team = TestTeam.create();
        String id = contact(team, Map.of("fullName", "Two Lines"));
        String etag = team.api().get("/api/v1/contacts/" + id).then().extract().header("ETag");
        team.api().header("If-Match", "\"41\"").header("If-Match", "\"42\"").body(Map.of("notes", "stale"))
                .patch("/api/v1/contacts/" + id).then().statusCode(412).contentType("application/problem+json");
        team.api().get("/api/v1/contacts/" + id).then().body("notes", nullValue());
        team.api().header("If-Match", "\"41\"").header("If-Match", etag).body(Map.of("notes", "current"))
                .patch("/api/v1/contacts/" + id).then().statusCode(200).body("notes", is("current"));
    }

    @Test
    void createWithEveryFieldThenRead() {
        TestTeam team = TestTeam.create();
        var member = team.member("organizer");
        String org = organization(team, "Acme Warehouse");
        Map<String, Object> body = new HashMap<>();
        body.put("fullName", "  Rosa Parks ");
        body.put("phone", "+1 (555) 123-4567");
        body.put("email", "rosa@example.org");
        body.put("organizationId", org);
        body.put("position", "officer");
        body.put("engagementLevel", "less-involved");
        body.put("ownerId", member.id());
        body.put("tags", List.of(" night shift", "night shift", "", "steward ", "Night shift"));
        body.put("doNotContact", true);
        body.put("notes", "Met at the gate");
        Response created = team.api().body(body).post("/api/v1/contacts");
        created.then().statusCode(201)
                .header("ETag", is("\"0\""))
                .body("fullName", is("Rosa Parks"))
                .body("phone", is("+1 (555) 123-4567"))
                .body("email", is("rosa@example.org"))
                .body("organizationId", is(org))
                .body("organizationName", is("Acme Warehouse"))
                .body("position", is("officer"))
                .body("engagementLevel", is("less-involved"))
                .body("ownerId", is(member.id()))
                .body("tags", contains("night shift", "steward", "Night shift"))
                .body("doNotContact", is(true))
                .body("notes", is("Met at the gate"))
                .body("lastConversationAt", nullValue())
                .body("createdAt", notNullValue())
                .body("updatedAt", notNullValue());
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith("/api/v1/contacts/" + id));

        team.api().get("/api/v1/contacts/" + id).then().statusCode(200)
                .header("ETag", is("\"0\""))
                .body("id", is(id)).body("fullName", is("Rosa Parks"))
                .body("organizationName", is("Acme Warehouse"));
        // creation records the first level, so "level at a time" always has a row
        team.api().get("/api/v1/contacts/" + id + "/timeline").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].type", is("level-change"))
                .body("items[0].fromLevel", nullValue())
                .body("items[0].toLevel", is("less-involved"));
    }

    @Test
    void defaults() {
        TestTeam team = TestTeam.create();
        team.api().body(Map.of("fullName", "Joe Hill")).post("/api/v1/contacts").then().statusCode(201)
                .body("position", is("base"))
                .body("engagementLevel", is("new"))
                .body("ownerId", is(team.adminId))
                .body("tags", empty())
                .body("doNotContact", is(false))
                .body("organizationId", nullValue())
                .body("phone", nullValue());
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndNothingIsStored() {
        TestTeam team = TestTeam.create();
        team.api().body(Map.of("phone", "555")).post("/api/v1/contacts").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("fullName"));
        team.api().body(Map.of("fullName", " ")).post("/api/v1/contacts").then().statusCode(400)
                .body("errors.field", contains("fullName"));
        team.api().body(Map.of("fullName", "x".repeat(201), "phone", "5".repeat(51),
                        "email", "a".repeat(250) + "@x.org", "notes", "n".repeat(10001)))
                .post("/api/v1/contacts").then().statusCode(400)
                .body("errors.field", hasItems("fullName", "phone", "email", "notes"));
        team.api().body(Map.of("fullName", "A", "email", "not-an-email")).post("/api/v1/contacts").then()
                .statusCode(400).body("errors.field", contains("email"));
        team.api().body(Map.of("fullName", "A", "engagementLevel", "boss")).post("/api/v1/contacts").then()
                .statusCode(400).body("errors.field", contains("engagementLevel"))
                .body("errors[0].message", containsString("less-involved"));
        team.api().body(Map.of("fullName", "A", "position", "boss")).post("/api/v1/contacts").then()
                .statusCode(400).body("errors.field", contains("position"));
        team.api().body(Map.of("fullName", "A", "tags", List.of("t".repeat(51)))).post("/api/v1/contacts").then()
                .statusCode(400).body("errors.field", contains("tags[0]"));
        team.api().body(Map.of("fullName", "A", "tags", java.util.stream.IntStream.range(0, 51)
                        .mapToObj(i -> "tag" + i).toList())).post("/api/v1/contacts").then()
                .statusCode(400).body("errors.field", contains("tags"));
        team.api().body(Map.of("fullName", "A", "tags", "not a list")).post("/api/v1/contacts").then()
                .statusCode(400).body("errors.field", contains("tags"));
        team.api().body(Map.of("fullName", "A", "organizationId", "nope")).post("/api/v1/contacts").then()
                .statusCode(400).body("errors.field", contains("organizationId"));
        team.api().body(Map.of("fullName", "A", "organizationId", UNKNOWN_ID)).post("/api/v1/contacts").then()
                .statusCode(400).body("errors.field", contains("organizationId"))
                .body("errors[0].message", is("no organization with that id in your team"));
        team.api().body(Map.of("fullName", "A", "ownerId", UNKNOWN_ID)).post("/api/v1/contacts").then()
                .statusCode(400).body("errors.field", contains("ownerId"));
        team.api().body("{\"fullName\": \"A\"").post("/api/v1/contacts").then().statusCode(400)
                .contentType("application/problem+json");
        team.api().contentType(ContentType.TEXT).body("fullName=A").post("/api/v1/contacts").then().statusCode(415)
                .contentType("application/problem+json");
        team.api().post("/api/v1/contacts").then().statusCode(400).contentType("application/problem+json");

        team.api().get("/api/v1/contacts").then().statusCode(200).body("items", empty());
        assertEquals(0, count("select count(*) from contact where team_id = ?1", UUID.fromString(team.teamId)));
        assertEquals(0, count("select count(*) from level_change where team_id = ?1", UUID.fromString(team.teamId)));
    }

    @Test
    void bodyIdsOfAnotherTeamAreUnknownReferences() {
        TestTeam team = TestTeam.create();
        TestTeam other = TestTeam.create();
        String theirOrg = organization(other, "Their Shop");
        team.api().body(Map.of("fullName", "A", "organizationId", theirOrg)).post("/api/v1/contacts").then()
                .statusCode(400).body("errors.field", contains("organizationId"));
        team.api().body(Map.of("fullName", "A", "ownerId", other.adminId)).post("/api/v1/contacts").then()
                .statusCode(400).body("errors.field", contains("ownerId"));
        String id = contact(team, "Ada");
        team.api().body(Map.of("organizationId", theirOrg)).patch("/api/v1/contacts/" + id).then()
                .statusCode(400).body("errors.field", contains("organizationId"));
        team.api().get("/api/v1/contacts/" + id).then().body("organizationId", nullValue());
    }

    // ---- list -----------------------------------------------------------------------------

    @Test
    void filtersAndPages() {
        TestTeam team = TestTeam.create();
        var member = team.member("organizer");
        String org = organization(team, "Maple Court");
        String ana = contact(team, Map.of("fullName", "Ana Lopez", "phone", "(555) 201-3344",
                "tags", List.of("tenant", "captain"), "organizationId", org));
        String ben = contact(team, Map.of("fullName", "Ben Okafor", "email", "BEN@example.org",
                "position", "staff", "engagementLevel", "cadre", "ownerId", member.id()));
        String cy = contact(team, Map.of("fullName", "Cy Young", "tags", List.of("tenant"),
                "engagementLevel", "less-involved"));

        String next = team.api().queryParam("limit", 2).get("/api/v1/contacts").then().statusCode(200)
                .body("items.id", contains(ana, ben)).body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        team.api().queryParam("limit", 2).queryParam("cursor", next).get("/api/v1/contacts").then()
                .statusCode(200).body("items.id", contains(cy)).body("nextCursor", nullValue());

        team.api().queryParam("level", "cadre").get("/api/v1/contacts").then().body("items.id", contains(ben));
        team.api().queryParam("level", "less-involved").get("/api/v1/contacts").then().body("items.id", contains(cy));
        team.api().queryParam("position", "staff").get("/api/v1/contacts").then().body("items.id", contains(ben));
        team.api().queryParam("owner", member.id()).get("/api/v1/contacts").then().body("items.id", contains(ben));
        team.api().queryParam("organization", org).get("/api/v1/contacts").then()
                .body("items.id", contains(ana)).body("items[0].organizationName", is("Maple Court"));
        team.api().queryParam("tag", "tenant").get("/api/v1/contacts").then().body("items.id", contains(ana, cy));
        team.api().queryParam("tag", "tenant").queryParam("limit", 1).get("/api/v1/contacts").then()
                .body("items.id", contains(ana)).body("nextCursor", notNullValue());
        team.api().queryParam("q", "lopez").get("/api/v1/contacts").then().body("items.id", contains(ana));
        team.api().queryParam("q", "ben@EXAMPLE").get("/api/v1/contacts").then().body("items.id", contains(ben));
        team.api().queryParam("q", "555-201 33").get("/api/v1/contacts").then().body("items.id", contains(ana));
        team.api().queryParam("q", "nobody").get("/api/v1/contacts").then().body("items", empty());
        team.api().queryParam("tag", "tenant").queryParam("level", "new").get("/api/v1/contacts").then()
                .body("items.id", contains(ana));
    }

    @Test
    void badFiltersAreProblemsNamingTheParameter() {
        TestTeam team = TestTeam.create();
        contact(team, "Ana");
        for (String[] bad : new String[][]{{"level", "boss"}, {"position", "boss"}, {"owner", "nope"},
                {"organization", "nope"}, {"cursor", "nope"}, {"limit", "0"}, {"limit", "201"}, {"limit", "x"}}) {
            team.api().queryParam(bad[0], bad[1]).get("/api/v1/contacts").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", contains(bad[0]));
        }
    }

    // ---- change ---------------------------------------------------------------------------

    @Test
    void patchChangesOnlyWhatIsSentAndHonoursIfMatch() {
        TestTeam team = TestTeam.create();
        String org = organization(team, "Acme");
        String id = contact(team, Map.of("fullName", "Lucy Parsons", "phone", "555", "email", "lucy@example.org",
                "organizationId", org, "tags", List.of("a"), "notes", "n"));
        String etag = team.api().get("/api/v1/contacts/" + id).then().extract().header("ETag");

        Map<String, Object> patch = new HashMap<>();
        patch.put("phone", null);
        patch.put("organizationId", null);
        patch.put("tags", List.of("b", " b "));
        patch.put("position", "ally");
        patch.put("doNotContact", true);
        team.api().header("If-Match", etag).body(patch).patch("/api/v1/contacts/" + id).then().statusCode(200)
                .header("ETag", is("\"1\""))
                .body("fullName", is("Lucy Parsons"))
                .body("email", is("lucy@example.org"))
                .body("phone", nullValue())
                .body("organizationId", nullValue())
                .body("organizationName", nullValue())
                .body("tags", contains("b"))
                .body("position", is("ally"))
                .body("doNotContact", is(true))
                .body("notes", is("n"));
        // the old ETag is stale now
        team.api().header("If-Match", etag).body(Map.of("notes", "lost update"))
                .patch("/api/v1/contacts/" + id).then().statusCode(412).contentType("application/problem+json");

        Map<String, Object> clearName = new HashMap<>();
        clearName.put("fullName", null);
        team.api().body(clearName).patch("/api/v1/contacts/" + id).then().statusCode(400)
                .body("errors.field", contains("fullName"));
        team.api().body(Map.of("engagementLevel", "cadre")).patch("/api/v1/contacts/" + id).then().statusCode(400)
                .body("errors.field", contains("engagementLevel"))
                .body("errors[0].message", containsString("/level"));
        team.api().body(Map.of("email", "nope")).patch("/api/v1/contacts/" + id).then().statusCode(400)
                .body("errors.field", contains("email"));
        team.api().body(Map.of("ownerId", UNKNOWN_ID)).patch("/api/v1/contacts/" + id).then().statusCode(400)
                .body("errors.field", contains("ownerId"));
        team.api().body("[1]").patch("/api/v1/contacts/" + id).then().statusCode(400);
        team.api().body("{bad").patch("/api/v1/contacts/" + id).then().statusCode(400);
        team.api().get("/api/v1/contacts/" + id).then().statusCode(200).header("ETag", is("\"1\""))
                .body("notes", is("n")).body("engagementLevel", is("new"));
        // erasing from a stale read is refused too: the client may not have seen the latest data
        team.api().header("If-Match", etag).delete("/api/v1/contacts/" + id).then().statusCode(412);
        team.api().get("/api/v1/contacts/" + id).then().statusCode(200).body("fullName", is("Lucy Parsons"));
    }

    // ---- level ----------------------------------------------------------------------------

    @Test
    void levelChangesAppendHistoryIncludingBackDatedOnes() {
        TestTeam team = TestTeam.create();
        String id = contact(team, "Emma Goldman");
        team.api().body(Map.of("level", "cadre", "reason", "leads the building committee"))
                .post("/api/v1/contacts/" + id + "/level").then().statusCode(201)
                .header("Location", containsString("/api/v1/contacts/" + id))
                .body("contactId", is(id))
                .body("fromLevel", is("new"))
                .body("toLevel", is("cadre"))
                .body("changedBy", is(team.adminId))
                .body("reason", is("leads the building committee"))
                .body("changedAt", notNullValue());
        team.api().get("/api/v1/contacts/" + id).then().body("engagementLevel", is("cadre"));

        // the same level as the one in force is a conflict
        team.api().body(Map.of("level", "cadre")).post("/api/v1/contacts/" + id + "/level").then().statusCode(409)
                .contentType("application/problem+json");

        // back-dated between creation and the change to cadre: from the level in force then, and the
        // current level stays that of the latest change
        Instant created = Instant.parse(team.api().get("/api/v1/contacts/" + id).then().extract().path("createdAt"));
        Instant between = created.plusMillis(1);
        team.api().body(Map.of("level", "less-involved", "changedAt", between.toString()))
                .post("/api/v1/contacts/" + id + "/level").then().statusCode(201)
                .body("fromLevel", is("new")).body("toLevel", is("less-involved"));
        team.api().get("/api/v1/contacts/" + id).then().body("engagementLevel", is("cadre"));

        team.api().body(Map.of("level", "less-involved")).post("/api/v1/contacts/" + id + "/level").then()
                .statusCode(201).body("fromLevel", is("cadre"));
        team.api().get("/api/v1/contacts/" + id).then().body("engagementLevel", is("less-involved"));

        // before the contact was recorded, the level in force is the one it was created with
        team.api().body(Map.of("level", "cadre", "changedAt", "2001-01-01T00:00:00Z"))
                .post("/api/v1/contacts/" + id + "/level").then().statusCode(201)
                .body("fromLevel", is("new")).body("toLevel", is("cadre"));
        team.api().body(Map.of("level", "new", "changedAt", "2000-06-01T00:00:00Z"))
                .post("/api/v1/contacts/" + id + "/level").then().statusCode(409);
        team.api().get("/api/v1/contacts/" + id).then().body("engagementLevel", is("less-involved"));

        team.api().get("/api/v1/contacts/" + id + "/timeline").then().statusCode(200)
                .body("items.type", everyItem(is("level-change")))
                .body("items.toLevel", contains("less-involved", "cadre", "less-involved", "new", "cadre"))
                // the change to cadre now starts from the back-dated less-involved before it; the
                // change before the creation leaves the creation as it was
                .body("items.fromLevel", contains("cadre", "less-involved", "new", null, "new"));

        // the movement report counts that change under its pair as it now stands
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        io.restassured.path.json.JsonPath movement = team.api()
                .get("/api/v1/reports/movement?from=" + LocalDate.now(ZoneOffset.UTC).minusDays(2) + "&to=" + today)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("less-involved", "less-involved"), List.of(
                movement.getString("transitions.find { it.count == 1 && it.to == 'cadre' }.from"),
                movement.getString("transitions.find { it.count == 1 && it.from == 'cadre' }.to")));
        assertEquals(0, (int) movement.getInt("transitions.find { it.from == 'new' && it.to == 'cadre' }.count"));

        // a change before one to the same level would leave that later one changing nothing: refused
        team.api().body(Map.of("level", "less-involved", "changedAt", created.plusNanos(500_000).toString()))
                .post("/api/v1/contacts/" + id + "/level").then().statusCode(409)
                .body("detail", is("The contact's level changes to less-involved later anyway, in a change already recorded"));
        team.api().get("/api/v1/contacts/" + id + "/timeline").then().body("items", hasSize(5));
    }

    @Test
    void aLevelChangeRecordedByMistakeIsDeleted() {
        TestTeam team = TestTeam.create();
        String id = contact(team, "Emma Goldman");
        Instant created = Instant.parse(team.api().get("/api/v1/contacts/" + id).then().extract().path("createdAt"));
        // recorded today, though she became cadre on her first day: an earlier change to cadre
        // cannot go before it (it would leave today's changing nothing), so today's goes first
        String today = team.api().body(Map.of("level", "cadre")).post("/api/v1/contacts/" + id + "/level")
                .then().statusCode(201).extract().path("id");
        String early = created.plusMillis(1).toString();
        team.api().body(Map.of("level", "cadre", "changedAt", early)).post("/api/v1/contacts/" + id + "/level")
                .then().statusCode(409);
        // a level change has no version: an If-Match naming one is a 412 (it was ignored, a walk); * is any
        team.api().header("If-Match", "\"999\"").delete("/api/v1/contacts/" + id + "/level-changes/" + today).then()
                .statusCode(412).body("detail", containsString("has no version"));
        team.api().get("/api/v1/contacts/" + id).then().body("engagementLevel", is("cadre"));
        team.api().header("If-Match", "*").delete("/api/v1/contacts/" + id + "/level-changes/" + today).then().statusCode(204);
        team.api().get("/api/v1/contacts/" + id).then().body("engagementLevel", is("new"));
        team.api().delete("/api/v1/contacts/" + id + "/level-changes/" + today).then().statusCode(404);
        team.api().body(Map.of("level", "cadre", "changedAt", early)).post("/api/v1/contacts/" + id + "/level")
                .then().statusCode(201).body("fromLevel", is("new"));
        team.api().get("/api/v1/contacts/" + id).then().body("engagementLevel", is("cadre"));

        // the change after a deleted one starts from the level before it; her level is her latest change's
        String lessInvolved = team.api().body(Map.of("level", "less-involved", "changedAt", created.plusMillis(2).toString()))
                .post("/api/v1/contacts/" + id + "/level").then().statusCode(201).extract().path("id");
        team.api().body(Map.of("level", "new")).post("/api/v1/contacts/" + id + "/level").then().statusCode(201)
                .body("fromLevel", is("less-involved"));
        team.api().delete("/api/v1/contacts/" + id + "/level-changes/" + lessInvolved).then().statusCode(204);
        team.api().get("/api/v1/contacts/" + id + "/timeline").then()
                .body("items.toLevel", contains("new", "cadre", "new"))
                .body("items.fromLevel", contains("cadre", "new", null));
        team.api().get("/api/v1/contacts/" + id).then().body("engagementLevel", is("new"));

        // deleting the change to cadre would leave the next one, to new, changing nothing: refused, nothing lost
        List<String> ids = team.api().get("/api/v1/contacts/" + id + "/timeline").then().extract().path("items.id");
        team.api().delete("/api/v1/contacts/" + id + "/level-changes/" + ids.get(1)).then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", is("The next change, to new, would then change nothing; delete that one first"));
        // the level she was added with is not a change
        team.api().delete("/api/v1/contacts/" + id + "/level-changes/" + ids.get(2)).then().statusCode(409)
                .body("detail", is("The level a contact was added with is not a change; record a change instead"));
        team.api().get("/api/v1/contacts/" + id + "/timeline").then().body("items.id", is(ids));

        // another contact's change, another team's, and ids that are none: 404, nothing deleted
        String other = contact(team, "Lucy Parsons");
        team.api().delete("/api/v1/contacts/" + other + "/level-changes/" + ids.get(0)).then().statusCode(404);
        TestTeam stranger = TestTeam.create();
        stranger.api().delete("/api/v1/contacts/" + id + "/level-changes/" + ids.get(0)).then().statusCode(404);
        String theirs = contact(stranger, "Someone Else");
        stranger.api().delete("/api/v1/contacts/" + theirs + "/level-changes/" + ids.get(0)).then().statusCode(404);
        team.api().delete("/api/v1/contacts/" + id + "/level-changes/not-an-id").then().statusCode(404)
                .contentType("application/problem+json");
        team.api().delete("/api/v1/contacts/" + id + "/level-changes/" + UNKNOWN_ID).then().statusCode(404);
        team.api().get("/api/v1/contacts/" + id + "/timeline").then().body("items.id", is(ids));

        // the trail says which change was deleted, and by whom
        List<Map<String, Object>> trail = team.api().get("/api/v1/audit?kind=deleted").then().statusCode(200)
                .extract().path("items");
        assertTrue(trail.stream().anyMatch(e -> "level-change".equals(e.get("entityType"))
                && lessInvolved.equals(e.get("entityId")) && team.adminId.equals(e.get("organizerId"))), trail.toString());
    }

    @Test
    void aDeleteInAHistoryWrittenBeforeV28_6StartsTheNextChangeFromTheLevelBeforeIt() throws Exception {
        TestTeam team = TestTeam.create();
        String id = contact(team, "Emma Goldman");
        Instant created = Instant.parse(team.api().get("/api/v1/contacts/" + id).then().extract().path("createdAt"));
        team.api().body(Map.of("level", "cadre", "changedAt", created.plusMillis(1).toString()))
                .post("/api/v1/contacts/" + id + "/level").then().statusCode(201);
        team.api().body(Map.of("level", "less-involved")).post("/api/v1/contacts/" + id + "/level").then()
                .statusCode(201).body("fromLevel", is("cadre"));
        // what V28_6 left as it was: a second new -> cadre after the first (its repair would make it cadre -> cadre)
        UUID unrepaired = UUID.randomUUID();
        try (java.sql.Connection c = AllTeams.connection(dataSource);
             java.sql.PreparedStatement ps = c.prepareStatement("insert into level_change (id, team_id, contact_id,"
                     + " from_level, to_level, changed_at) values (?, ?, ?, 'new', 'cadre', ?)")) {
            ps.setObject(1, unrepaired);
            ps.setObject(2, UUID.fromString(team.teamId));
            ps.setObject(3, UUID.fromString(id));
            ps.setTimestamp(4, java.sql.Timestamp.from(created.plusMillis(2)));
            ps.executeUpdate();
        }
        team.api().delete("/api/v1/contacts/" + id + "/level-changes/" + unrepaired).then().statusCode(204);
        // the change after it still starts from cadre, the level in force before the deleted one
        team.api().get("/api/v1/contacts/" + id + "/timeline").then()
                .body("items.toLevel", contains("less-involved", "cadre", "new"))
                .body("items.fromLevel", contains("cadre", "new", null));
        team.api().get("/api/v1/contacts/" + id).then().body("engagementLevel", is("less-involved"));

        // a contact with no creation row (written outside the contacts API, V3_1): deleting its one change
        // leaves it at the level the change started from, not a 500
        String change = team.api().get("/api/v1/contacts/" + id + "/timeline").then().extract().path("items[0].id");
        AllTeams.rows(dataSource, "delete from level_change where contact_id = ?1 and id <> ?2 returning id", id, change);
        team.api().delete("/api/v1/contacts/" + id + "/level-changes/" + change).then().statusCode(204);
        team.api().get("/api/v1/contacts/" + id).then().body("engagementLevel", is("cadre"));
        team.api().get("/api/v1/contacts/" + id + "/timeline").then().body("items", hasSize(0));
    }

    @Test
    void badLevelChangesAreProblems() {
        TestTeam team = TestTeam.create();
        String id = contact(team, "Emma");
        String url = "/api/v1/contacts/" + id + "/level";
        team.api().body(Map.of("reason", "x")).post(url).then().statusCode(400).body("errors.field", contains("level"));
        team.api().body(Map.of("level", "boss")).post(url).then().statusCode(400).body("errors.field", contains("level"));
        team.api().body(Map.of("level", "cadre", "reason", "r".repeat(2001))).post(url).then().statusCode(400)
                .body("errors.field", contains("reason"));
        team.api().body(Map.of("level", "cadre", "changedAt", "yesterday")).post(url).then().statusCode(400)
                .body("errors.field", contains("changedAt"));
        team.api().body(Map.of("level", "cadre", "changedAt", Instant.now().plus(1, ChronoUnit.DAYS).toString()))
                .post(url).then().statusCode(400).body("errors.field", contains("changedAt"));
        team.api().body("{oops").post(url).then().statusCode(400);
        team.api().contentType(ContentType.TEXT).body("cadre").post(url).then().statusCode(415);
        team.api().body(Map.of("level", "cadre")).post("/api/v1/contacts/" + UNKNOWN_ID + "/level").then()
                .statusCode(404);
        team.api().get("/api/v1/contacts/" + id).then().body("engagementLevel", is("new"));
        team.api().get("/api/v1/contacts/" + id + "/timeline").then().body("items", hasSize(1));
    }

    // ---- timeline -------------------------------------------------------------------------

    @Test
    void timelineMergesEverythingNewestFirstAndPages() {
        TestTeam team = TestTeam.create();
        String id = contact(team, "Lucy");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        UUID talk = conversation(team, id, now.minus(3, ChronoUnit.DAYS), 45, "talked about the rent strike");
        UUID picket = attendance(team, id, "Picket at Acme", now.minus(2, ChronoUnit.DAYS), "brought a cousin");
        team.api().body(Map.of("level", "less-involved", "reason", "came to the picket",
                        "changedAt", now.minus(1, ChronoUnit.DAYS).toString()))
                .post("/api/v1/contacts/" + id + "/level").then().statusCode(201);
        UUID follow = followUp(team, id, "ask about the next meeting");

        team.api().get("/api/v1/contacts/" + id + "/timeline").then().statusCode(200)
                .body("items.type", contains("follow-up", "level-change", "level-change", "attendance", "conversation"))
                .body("items[0].id", is(follow.toString()))
                .body("items[1].fromLevel", nullValue())
                .body("items[1].toLevel", is("new"))
                .body("items[0].purpose", is("ask about the next meeting"))
                .body("items[0].status", is("open"))
                .body("items[0].reason", is("keep-in-touch"))
                .body("items[0].dueOn", notNullValue())
                .body("items[0].assigneeId", is(team.adminId))
                .body("items[2].fromLevel", is("new"))
                .body("items[2].toLevel", is("less-involved"))
                .body("items[2].reason", is("came to the picket"))
                .body("items[3].id", is(picket.toString()))
                .body("items[3].actionTitle", is("Picket at Acme"))
                .body("items[3].firstTime", is(true))
                .body("items[3].notes", is("brought a cousin"))
                .body("items[4].id", is(talk.toString()))
                .body("items[4].at", is(now.minus(3, ChronoUnit.DAYS).toString()))
                .body("items[4].durationMinutes", is(45))
                .body("items[4].channel", is("phone"))
                .body("items[4].summary", is("talked about the rent strike"))
                .body("items[4].organizerId", is(team.adminId))
                .body("nextCursor", nullValue());

        String next = team.api().queryParam("limit", 3).get("/api/v1/contacts/" + id + "/timeline").then()
                .statusCode(200).body("items.type", contains("follow-up", "level-change", "level-change"))
                .extract().path("nextCursor");
        team.api().queryParam("limit", 3).queryParam("cursor", next).get("/api/v1/contacts/" + id + "/timeline")
                .then().statusCode(200).body("items.type", contains("attendance", "conversation"))
                .body("nextCursor", nullValue());
        team.api().queryParam("cursor", "garbage").get("/api/v1/contacts/" + id + "/timeline").then()
                .statusCode(400).body("errors.field", contains("cursor"));
        team.api().queryParam("limit", "none").get("/api/v1/contacts/" + id + "/timeline").then()
                .statusCode(400).body("errors.field", contains("limit"));
    }

    // ---- erasure --------------------------------------------------------------------------

    @Test
    void erasureKeepsAnAnonymousTombstoneAndTheMinutes() {
        TestTeam team = TestTeam.create();
        String id = contact(team, Map.of("fullName", "Secret Person", "phone", "555 0000",
                "email", "secret@example.org", "tags", List.of("at risk"), "notes", "lives at the back"));
        String keep = contact(team, "Someone Else");
        UUID talk = conversation(team, id, Instant.now().minus(1, ChronoUnit.DAYS), 30, "told us about the boss");
        UUID picket = attendance(team, id, "Picket", Instant.now().minus(2, ChronoUnit.DAYS), "came with family");
        team.api().body(Map.of("level", "cadre", "reason", "personal story")).post("/api/v1/contacts/" + id + "/level")
                .then().statusCode(201);
        UUID follow = followUp(team, id, "call about their case");
        UUID otherTalk = conversation(team, keep, Instant.now().minus(1, ChronoUnit.DAYS), 20, "kept words");

        team.api().delete("/api/v1/contacts/" + id).then().statusCode(204);

        // the team's own tombstone is said as one (410); another team's id stays a 404 (TeamIsolationTest)
        team.api().get("/api/v1/contacts/" + id).then().statusCode(410).contentType("application/problem+json");
        team.api().get("/api/v1/contacts/" + id + "/timeline").then().statusCode(410);
        team.api().delete("/api/v1/contacts/" + id).then().statusCode(410);
        team.api().body(Map.of("notes", "x")).patch("/api/v1/contacts/" + id).then().statusCode(410);
        team.api().get("/api/v1/contacts").then().body("items.id", contains(keep));
        team.api().queryParam("q", "Secret").get("/api/v1/contacts").then().body("items", empty());

        Object[] c = row("select full_name, phone, email, notes, cardinality(tags), erased_at from contact where id = ?1",
                UUID.fromString(id));
        assertNull(c[0]);
        assertNull(c[1]);
        assertNull(c[2]);
        assertNull(c[3]);
        assertEquals(0, ((Number) c[4]).intValue());
        assertTrue(c[5] != null);
        Object[] conv = row("select summary, issues, commitments, duration_minutes from conversation where id = ?1", talk);
        assertNull(conv[0]);
        assertNull(conv[1]);
        assertNull(conv[2]);
        assertEquals(30, ((Number) conv[3]).intValue());
        Object[] att = row("select notes, first_time from attendance where id = ?1", picket);
        assertNull(att[0]);
        assertEquals(true, att[1]);
        Object[] fu = row("select purpose, status, closed_at from follow_up where id = ?1", follow);
        assertNull(fu[0]);
        assertEquals("dropped", fu[1]);
        assertTrue(fu[2] != null);
        assertEquals(0, count("select count(*) from level_change where reason is not null and contact_id = ?1",
                UUID.fromString(id)));
        assertEquals(2, count("select count(*) from level_change where contact_id = ?1", UUID.fromString(id)));
        // nobody else's words go
        assertEquals("kept words", row("select summary, id from conversation where id = ?1", otherTalk)[0]);
    }

    @Test
    void erasureVacuumsTheOldRowVersionsSoNoPageStillHoldsTheName() throws Exception {
        TestTeam team = TestTeam.create();
        String name = "Vacuumed Person " + TestTeam.unique();
        String id = contact(team, Map.of("fullName", name, "notes", "notes of " + name));
        conversation(team, id, Instant.now().minus(1, ChronoUnit.DAYS), 30, "words of " + name);
        // reading raw pages takes the server's superuser (pageinspect); the app's role may not
        try (java.sql.Connection superuser = java.sql.DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            superuser.createStatement().execute("create extension if not exists pageinspect");
            String holding = """
                    select count(*) from generate_series(0, pg_relation_size(cast(? as regclass)) / 8192 - 1) as b,
                        heap_page_items(get_raw_page(?, b::int)) as i
                    where i.t_data is not null and position(convert_to(?, 'UTF8') in i.t_data) > 0""";
            assertTrue(pages(superuser, holding, "contact", name) > 0, "the name is in a row of contact before");

            team.api().delete("/api/v1/contacts/" + id).then().statusCode(204);

            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
            long left;
            do {
                Thread.sleep(200);
                left = pages(superuser, holding, "contact", name) + pages(superuser, holding, "conversation", name);
            } while (left > 0 && System.nanoTime() < deadline);
            assertEquals(0, left, "no row version of contact or conversation holds the name after the erasure");
        }
    }

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    private static long pages(java.sql.Connection c, String sql, String table, String text) throws java.sql.SQLException {
        try (java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, table);
            ps.setString(2, table);
            ps.setString(3, text);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    // ---- team isolation -------------------------------------------------------------------

    @Test
    void anotherTeamGets404EverywhereAndNeverSeesTheContact() {
        TestTeam team = TestTeam.create();
        TestTeam other = TestTeam.create();
        String org = organization(team, "Hidden Org");
        String id = contact(team, Map.of("fullName", "Hidden Person", "tags", List.of("hidden"),
                "organizationId", org));
        String url = "/api/v1/contacts/" + id;

        String foreign = other.api().get(url).then().statusCode(404).contentType("application/problem+json")
                .extract().body().asString();
        String unknown = other.api().get("/api/v1/contacts/" + UNKNOWN_ID).then().statusCode(404)
                .extract().body().asString();
        assertEquals(unknown, foreign);
        other.api().get("/api/v1/contacts/not-an-id").then().statusCode(404);
        other.api().body(Map.of("notes", "x")).patch(url).then().statusCode(404);
        other.api().body(Map.of("level", "cadre")).post(url + "/level").then().statusCode(404);
        other.api().get(url + "/timeline").then().statusCode(404);
        other.api().delete(url).then().statusCode(404);
        other.api().get("/api/v1/organizations/" + org).then().statusCode(404);

        other.api().get("/api/v1/contacts").then().statusCode(200).body("items", empty());
        other.api().queryParam("q", "Hidden").get("/api/v1/contacts").then().body("items", empty());
        other.api().queryParam("tag", "hidden").get("/api/v1/contacts").then().body("items", empty());
        other.api().queryParam("organization", org).get("/api/v1/contacts").then().statusCode(400)
                .body("errors[0].field", is("organization")).body(not(containsString("Hidden")));

        // and nothing they tried changed it
        team.api().get(url).then().statusCode(200).header("ETag", is("\"0\""))
                .body("fullName", is("Hidden Person")).body("engagementLevel", is("new"));
    }
}
