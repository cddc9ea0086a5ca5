package org.groundwork.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.groundwork.support.AllTeams;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The acceptance: a seeded team, archived, restored, reports the same figures.
 *
 * <p>Restoring keeps ids, so the original must be gone first: the test archives team A, sees
 * the restore refused with 409 while A exists (nothing written), then deletes every row of A
 * with SQL (as the database superuser, triggers off: the audit trail is append-only) and
 * restores the archive into the same running instance, an empty place for those ids exactly
 * as a fresh instance would be. The time and movement reports of the restored team, for the
 * team and for one organizer over several periods, must equal the original's, and every file
 * of its own archive must equal the original's.
 */
@QuarkusTest
class ArchiveRoundTripTest {

    static final List<String[]> PERIODS = List.of(
            new String[] {"2026-01-01", "2026-01-31"},
            new String[] {"2026-02-01", "2026-03-31"},
            new String[] {"2026-03-15", "2026-04-15"},
            new String[] {"2026-01-01", "2026-06-30"});

    @Inject
    DataSource dataSource;
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    final ObjectMapper json = new ObjectMapper();

    @Test
    void aRestoredTeamReportsTheSameFigures() throws Exception {
        TestTeam team = TestTeam.create("America/New_York");
        TestTeam.Member member = team.member("coordinator");
        Seed s = new Seed(team);
        String org = team.api().body(Map.of("name", "Harbor Street Tenants", "kind", "tenant-association"))
                .post("/api/v1/organizations").then().statusCode(201).extract().path("id");
        String doors = s.work("Door knocking", "bring-in-new");
        String committee = s.work("Committee", "work-with-cadre");
        String ana = s.contact("Ana Reyes", "new", "base", org);
        String bea = s.contact("Bea Okafor", "less-involved", "officer", null);
        String cruz = s.contact("Cruz Lima", "cadre", "staff", null);
        String dana = s.contact("Dana Park", "new", "ally", org);
        String eli = s.contact("Eli Gray", "new", "base", null);
        // a building with a floor (units nest once); Ana lives on the floor; who listens to whom
        String building = team.api().body(Map.of("name", "Building A", "kind", "building"))
                .post("/api/v1/organizations/" + org + "/units").then().statusCode(201).extract().path("id");
        String floor = team.api().body(Map.of("name", "Floor 2", "kind", "floor", "parentId", building))
                .post("/api/v1/organizations/" + org + "/units").then().statusCode(201).extract().path("id");
        team.api().body(Map.of("unitId", floor)).patch("/api/v1/contacts/" + ana).then().statusCode(200);
        team.api().body(Map.of("otherContactId", ana, "kind", "listens-to")).post("/api/v1/contacts/" + dana + "/ties")
                .then().statusCode(201);
        team.api().body(Map.of("otherContactId", cruz, "kind", "close", "note", "same shift"))
                .post("/api/v1/contacts/" + bea + "/ties").then().statusCode(201);
        // levels change, some of them back-dated into the conversations' months
        s.level(ana, "less-involved", "2026-02-10T15:00:00Z");
        s.level(ana, "cadre", "2026-04-02T15:00:00Z");
        s.level(bea, "cadre", "2026-03-05T12:00:00Z");
        s.level(dana, "less-involved", "2026-01-20T12:00:00Z");
        s.level(eli, "less-involved", "2026-02-01T12:00:00Z");
        // conversations over four months, some by the member, one just before a day boundary in New York
        String[] months = {"2026-01", "2026-02", "2026-03", "2026-04"};
        int minutes = 15;
        for (String month : months) {
            for (String contact : List.of(ana, bea, cruz, dana, eli)) {
                minutes = minutes % 90 + 7;
                s.conversation(team::api, contact, month + "-0" + (minutes % 9 + 1) + "T14:30:00Z", minutes, doors, null);
            }
            s.conversation(member::api, cruz, month + "-12T04:30:00Z", 40, committee, null);
            s.conversation(member::api, ana, month + "-20T20:00:00Z", 25, null, null);
        }
        String next = s.conversation(team::api, bea, "2026-04-21T16:00:00Z", 30, doors, "2026-04-28");
        // actions with organizers present and attendance (first-timers open after-action follow-ups)
        String picket = s.action("2026-02-14T13:00:00Z", 120, doors, List.of(team.adminId, member.id()),
                Map.of(ana, true, dana, true, eli, false));
        s.action("2026-03-21T15:00:00Z", 90, committee, List.of(member.id()), Map.of(cruz, false, bea, true));
        s.action("2026-04-10T18:00:00Z", 60, null, List.of(team.adminId), Map.of());
        // a follow-up done, one dropped
        List<String> open = team.api().get("/api/v1/followups?limit=200").then().statusCode(200)
                .extract().path("items.id");
        assertTrue(open.size() >= 3, "the heat rule and the next step opened follow-ups");
        team.api().body(Map.of("status", "done")).patch("/api/v1/followups/" + open.get(0)).then().statusCode(200);
        team.api().body(Map.of("status", "dropped")).patch("/api/v1/followups/" + open.get(1)).then().statusCode(200);
        // Eli is erased: a tombstone whose minutes stay in the figures
        team.api().delete("/api/v1/contacts/" + eli).then().statusCode(204);

        Map<String, JsonNode> before = reports(team::api, member.id());
        String memberQuery = "organizer=" + member.id() + "&from=2026-02-01&to=2026-03-31";
        JsonNode memberBefore = report(member::api, "time", memberQuery);
        byte[] archive = Archives.download(team.token);
        LinkedHashMap<String, String> files = Archives.open(archive);

        // what the archive holds
        JsonNode manifest = json.readTree(files.get("manifest.json"));
        assertEquals("groundwork-team-archive", manifest.get("format").asText());
        assertEquals(3, manifest.get("formatVersion").asInt());
        assertEquals(team.teamId, manifest.at("/team/id").asText());
        assertFalse(manifest.get("schemaVersion").asText().isBlank());
        List<String> names = new ArrayList<>(files.keySet());
        assertEquals("manifest.json", names.get(0));
        for (JsonNode f : manifest.get("files")) {
            assertEquals(f.get("rows").asLong(), Archives.lines(files.get(f.get("name").asText())).size(),
                    f.get("name").asText() + " holds the rows the manifest counts");
        }
        assertEquals(2, Archives.lines(files.get("organizer.jsonl")).size());
        for (String line : Archives.lines(files.get("organizer.jsonl"))) {
            JsonNode o = json.readTree(line);
            for (String secret : List.of("password_hash", "totp_secret", "totp_pending_secret", "instance_admin")) {
                assertFalse(o.has(secret), "no " + secret + " leaves with the team");
            }
        }
        JsonNode tombstone = row(files.get("contact.jsonl"), eli);
        assertTrue(tombstone.get("full_name").isNull() && tombstone.get("phone").isNull()
                && !tombstone.get("erased_at").isNull(), "the erased contact is a tombstone in the archive");
        assertFalse(files.get("conversation.jsonl").contains("Ana Reyes"));
        assertEquals(1, Archives.lines(files.get("team.jsonl")).size());
        assertTrue(Archives.lines(files.get("level_change.jsonl")).size() >= 10);
        assertTrue(Archives.lines(files.get("attendance.jsonl")).size() == 5);
        assertTrue(Archives.lines(files.get("action_organizer.jsonl")).size() == 4);
        assertTrue(files.get("audit_event.jsonl").contains("\"kind\":\"erased\""));

        // while the team is here, its ids collide: 409, and nothing is written
        long teams = count("select count(*) from team");
        long events = count("select count(*) from audit_event");
        Archives.restore(TestTeam.instanceToken(), archive).then().statusCode(409)
                .contentType("application/problem+json");
        assertEquals(teams, count("select count(*) from team"));
        assertEquals(events, count("select count(*) from audit_event"));

        deleteTeam(team.teamId);
        assertEquals(0, count("select count(*) from conversation where team_id = '" + team.teamId + "'"));

        JsonNode restored = json.readTree(Archives.restore(TestTeam.instanceToken(), archive)
                .then().statusCode(201).extract().asString());
        assertEquals(team.teamId, restored.get("teamId").asText());
        assertEquals(2, restored.get("organizers").size());
        assertEquals(rowsOf(manifest, "conversation.jsonl"), restored.at("/rows/conversation.jsonl").asLong());
        assertEquals(2, rowsOf(manifest, "unit.jsonl"));
        assertEquals(2, rowsOf(manifest, "tie.jsonl"));

        // restored organizers cannot log in until the instance admin gives them a first password
        given().contentType(ContentType.JSON).body(Map.of("email", team.adminEmail, "password", TestTeam.PASSWORD,
                "name", "t")).post("/api/v1/tokens").then().statusCode(401);
        given().auth().oauth2(team.token).get("/api/v1/me").then().statusCode(401);
        firstPassword(team.teamId, team.adminId);
        firstPassword(team.teamId, member.id());
        // only once: an account with a password is its owner's
        given().auth().oauth2(TestTeam.instanceToken()).contentType(ContentType.JSON)
                .body(Map.of("password", "another password")).put("/api/v1/teams/" + team.teamId + "/organizers/"
                        + member.id() + "/password").then().statusCode(409);
        String admin = TestTeam.tokenFor(team.adminEmail);
        String coordinator = TestTeam.tokenFor(member.email());
        Supplier<RequestSpecification> asAdmin = () -> given().auth().oauth2(admin).accept(ContentType.JSON);
        Supplier<RequestSpecification> asMember = () -> given().auth().oauth2(coordinator).accept(ContentType.JSON);
        Map<String, JsonNode> after = reports(asAdmin, member.id());
        assertEquals(before.keySet(), after.keySet());
        for (String key : before.keySet()) {
            assertEquals(before.get(key), after.get(key), key + " is the same after the restore");
        }
        assertNotEquals(0, before.get("time all 2026-01-01..2026-06-30").get("totalMinutes").asDouble());
        // the member sees their own report as before too
        assertEquals(memberBefore, report(asMember, "time", memberQuery));

        // and the restored team's own archive holds the same rows (the trail gained the restore's
        // events, the organizers a version with their first password)
        LinkedHashMap<String, String> again = Archives.open(Archives.download(admin));
        assertEquals(files.keySet(), again.keySet());
        for (String name : files.keySet()) {
            if (name.equals("manifest.json") || name.equals("audit_event.jsonl") || name.equals("organizer.jsonl")) {
                continue;
            }
            assertEquals(files.get(name), again.get(name), name + " is restored as it was");
        }
        assertEquals(withoutVersion(files.get("organizer.jsonl")), withoutVersion(again.get("organizer.jsonl")));
        assertTrue(again.get("audit_event.jsonl").startsWith(files.get("audit_event.jsonl")),
                "the trail is kept and continues");
        assertTrue(again.get("audit_event.jsonl").contains("\"kind\":\"imported\""));
        // conversation_day, rebuilt by the triggers, is what summing the conversations gives
        assertEquals(0, count("""
                select count(*) from (
                  (select organizer_id, day, work_id, level, position, sum(minutes), sum(conversations)
                   from conversation_day where team_id = '%1$s' group by 1, 2, 3, 4, 5 -- over its stripes (V27_1)
                   having sum(conversations) <> 0
                   except
                   select c.organizer_id, cast(c.occurred_at at time zone t.time_zone as date), c.work_id,
                          c.level_at_time, k.position, sum(c.duration_minutes), count(*)
                   from conversation c join team t on t.id = c.team_id join contact k on k.id = c.contact_id
                   where c.team_id = '%1$s' group by 1, 2, 3, 4, 5)) x""".formatted(team.teamId)));
        // the instance admin's own team's trail says who restored it, with the rows counted
        assertEquals(1, count("select count(*) from audit_event where kind = 'created' and entity_type = 'team' "
                + "and entity_id = '" + team.teamId + "' and organizer_id is not null and count > 0"));
        assertEquals(1, count("select count(*) from audit_event where kind = 'exported' and entity_type = 'team' "
                + "and team_id = '" + team.teamId + "' and count > 0"), "the download is in the trail");
    }

    private void firstPassword(String team, String organizer) {
        given().auth().oauth2(TestTeam.instanceToken()).contentType(ContentType.JSON)
                .body(Map.of("password", TestTeam.PASSWORD))
                .put("/api/v1/teams/" + team + "/organizers/" + organizer + "/password").then().statusCode(200);
    }

    private Map<String, JsonNode> reports(Supplier<RequestSpecification> as, String organizer) throws Exception {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (String[] p : PERIODS) {
            String period = "from=" + p[0] + "&to=" + p[1];
            String label = p[0] + ".." + p[1];
            out.put("time all " + label, report(as, "time", "organizer=all&" + period));
            out.put("time " + organizer + " " + label, report(as, "time", "organizer=" + organizer + "&" + period));
            out.put("movement " + label, report(as, "movement", period));
            out.put("movement " + organizer + " " + label, report(as, "movement", "organizer=" + organizer + "&" + period));
        }
        return out;
    }

    private JsonNode report(Supplier<RequestSpecification> as, String which, String query) {
        try {
            return json.readTree(as.get().get("/api/v1/reports/" + which + "?" + query)
                    .then().statusCode(200).extract().asString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode row(String file, String id) throws Exception {
        for (String line : Archives.lines(file)) {
            JsonNode n = json.readTree(line);
            if (n.get("id").asText().equals(id)) {
                return n;
            }
        }
        throw new AssertionError("no row " + id);
    }

    private String withoutVersion(String file) throws Exception {
        StringBuilder s = new StringBuilder();
        for (String line : Archives.lines(file)) {
            ObjectNode n = (ObjectNode) json.readTree(line);
            n.remove("version");
            s.append(n).append('\n');
        }
        return s.toString();
    }

    private long count(String sql) throws SQLException {
        try (Connection c = AllTeams.connection(dataSource); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Every row of the team, from every table with a team_id, then the team: as the superuser
     * with triggers off (session_replication_role), the only way past the append-only audit
     * trail, so the summary table's rows go explicitly like the rest.
     */
    private static long rowsOf(JsonNode manifest, String file) {
        for (JsonNode f : manifest.get("files")) {
            if (f.get("name").asText().equals(file)) {
                return f.get("rows").asLong();
            }
        }
        throw new AssertionError(file + " is not in the manifest");
    }

    private void deleteTeam(String team) throws SQLException {
        // the server's superuser, not the app's role (which may not switch triggers off)
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("set local session_replication_role = replica");
                List<String> tables = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("select table_name from information_schema.columns "
                        + "where table_schema = 'public' and column_name = 'team_id'")) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
                for (String t : tables) {
                    try (PreparedStatement ps = c.prepareStatement("delete from " + t + " where team_id = ?")) {
                        ps.setObject(1, UUID.fromString(team));
                        ps.executeUpdate();
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("delete from team where id = ?")) {
                    ps.setObject(1, UUID.fromString(team));
                    ps.executeUpdate();
                }
            }
            c.commit();
        }
    }

    /** Test data through the real API. */
    record Seed(TestTeam team) {
        String work(String name, String focus) {
            return team.api().body(Map.of("name", name, "focus", focus, "justification", "why " + name))
                    .post("/api/v1/works").then().statusCode(201).extract().path("id");
        }

        String contact(String name, String level, String position, String organization) {
            Map<String, Object> body = new HashMap<>(Map.of("fullName", name, "engagementLevel", level,
                    "position", position, "phone", "+1 718 555 01" + (name.length() + 10), "tags", List.of("tenant")));
            if (organization != null) {
                body.put("organizationId", organization);
            }
            return team.api().body(body).post("/api/v1/contacts").then().statusCode(201).extract().path("id");
        }

        void level(String contact, String level, String at) {
            team.api().body(Map.of("level", level, "changedAt", at, "reason", "took on more"))
                    .post("/api/v1/contacts/" + contact + "/level").then().statusCode(201);
        }

        String conversation(Supplier<RequestSpecification> as, String contact, String at, int minutes, String work,
                            String nextStepDue) {
            Map<String, Object> body = new HashMap<>(Map.of("contactId", contact, "occurredAt", at,
                    "durationMinutes", minutes, "channel", "house-visit", "summary", "Talked about the rent",
                    "issues", "repairs"));
            if (work != null) {
                body.put("workId", work);
            }
            if (nextStepDue != null) {
                body.put("nextStep", Map.of("dueOn", nextStepDue, "purpose", "bring a neighbour"));
            }
            return as.get().contentType(ContentType.JSON).body(body).post("/api/v1/conversations")
                    .then().statusCode(201).extract().path("id");
        }

        String action(String at, int minutes, String work, List<String> organizers, Map<String, Boolean> attendees) {
            Map<String, Object> body = new HashMap<>(Map.of("title", "Action " + TestTeam.unique(), "kind", "picket",
                    "startsAt", at, "durationMinutes", minutes, "organizerIds", organizers));
            if (work != null) {
                body.put("workId", work);
            }
            String id = team.api().body(body).post("/api/v1/actions").then().statusCode(201).extract().path("id");
            if (!attendees.isEmpty()) {
                List<Map<String, Object>> items = new ArrayList<>();
                attendees.forEach((c, first) -> items.add(Map.of("contactId", c, "firstTime", first)));
                team.api().body(items).put("/api/v1/actions/" + id + "/attendance").then().statusCode(200);
            }
            return id;
        }
    }
}
