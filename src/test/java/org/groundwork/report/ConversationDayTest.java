package org.groundwork.report;

import org.groundwork.support.AllTeams;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.groundwork.report.TimeReportTest.MARCH;
import static org.groundwork.report.TimeReportTest.minutes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * conversation_day, the summary the time report reads its conversation figures from, is kept
 * by triggers (V6_1), and so is conversation_place_day, its minutes by unit (V28_1). After every
 * kind of write each must hold exactly what summing the team's conversations from scratch gives;
 * the report's figures are checked along the way.
 */
@QuarkusTest
class ConversationDayTest {

    @Inject
    DataSource dataSource;

    @Test
    void followsConversationsEditedMovedAndDeleted() {
        TestTeam team = TestTeam.create();
        var member = team.member("coordinator");
        Scenario s = new Scenario(team);
        String ana = s.contact("Ana", "new", "base");
        String bea = s.contact("Bea", "cadre", "staff");
        String doors = s.work("Doors", "bring-in-new", "why");
        String committee = s.work("Committee", "work-with-cadre", "why");
        String c1 = s.conversation(ana, "2026-03-10T10:00:00Z", 30, doors);
        String c2 = s.conversation(ana, "2026-03-10T12:00:00Z", 20, doors); // the same row as c1
        String c3 = s.conversation(member::api, bea, "2026-03-31T23:30:00Z", 40, null);
        fresh(team);
        minutes(all(team, MARCH), "totalMinutes", 90);
        minutes(mine(team, MARCH), "totalMinutes", 50);

        // minutes changed
        change(team, c1, Map.of("durationMinutes", 45));
        fresh(team);
        JsonPath r = mine(team, MARCH);
        minutes(r, "totalMinutes", 65);
        minutes(r, "byLevel.new", 65);

        // moved to the next week: a row of its own, c1's keeps its 45
        change(team, c2, Map.of("occurredAt", "2026-03-16T10:00:00Z"));
        fresh(team);
        r = mine(team, MARCH);
        minutes(r, "weeks[2].byLevel.new", 45); // week of March 9
        minutes(r, "weeks[3].byLevel.new", 20); // week of March 16

        // moved across the period's end: out of March, into April
        change(team, c3, Map.of("occurredAt", "2026-04-01T00:30:00Z"));
        fresh(team);
        minutes(all(team, MARCH), "totalMinutes", 65);
        minutes(all(team, "from=2026-04-01&to=2026-04-30"), "totalMinutes", 40);

        // another work, then no work
        change(team, c1, Map.of("workId", committee));
        fresh(team);
        r = mine(team, MARCH);
        assertEquals(List.of(committee, doors), r.getList("works.workId"));
        minutes(r, "works[0].totalMinutes", 45);
        Map<String, Object> noWork = new HashMap<>();
        noWork.put("workId", null);
        change(team, c1, noWork);
        fresh(team);
        r = mine(team, MARCH);
        assertEquals(Arrays.asList(doors, null), r.getList("works.workId"));
        minutes(r, "works[1].totalMinutes", 45);

        // another organizer's conversation now
        change(team, c1, Map.of("organizerId", member.id()));
        fresh(team);
        minutes(mine(team, MARCH), "totalMinutes", 20);
        minutes(Scenario.report(member.api(), "time", MARCH), "totalMinutes", 45);

        // deleted: its row goes when its count reaches zero
        team.api().delete("/api/v1/conversations/" + c2).then().statusCode(204);
        fresh(team);
        minutes(mine(team, MARCH), "totalMinutes", 0);
        minutes(all(team, MARCH), "totalMinutes", 45);

        // many rows in one statement, as imports and scripts write them: an insert of three
        // (two on one key), then a shift of every conversation by 14 hours
        sql("""
                insert into conversation (id, team_id, contact_id, organizer_id, work_id, occurred_at,
                                          duration_minutes, channel)
                select gen_random_uuid(), ?1, k.id, ?2, null, timestamptz '2026-03-20 20:00:00+00' + n * interval '1 hour',
                       10 * n, 'phone'
                from contact k cross join generate_series(1, 3) n where k.id = ?3""",
                team.teamId, team.adminId, bea);
        fresh(team);
        minutes(mine(team, MARCH), "totalMinutes", 60);
        sql("update conversation set occurred_at = occurred_at + interval '14 hours' where team_id = ?1", team.teamId);
        fresh(team);
        // Bea's three (March 20, 21:00 to 23:00) are now on March 21; c3 (April 1) stays in April
        minutes(mine(team, "from=2026-03-21&to=2026-03-21"), "totalMinutes", 60);
        minutes(all(team, MARCH), "totalMinutes", 105);
    }

    @Test
    void followsBackDatedLevelChanges() {
        TestTeam team = TestTeam.create();
        Scenario s = new Scenario(team);
        String eva = s.contact("Eva", "new", "base");
        s.conversation(eva, "2026-03-10T10:00:00Z", 60, null);
        s.conversation(eva, "2026-03-20T10:00:00Z", 30, null);
        fresh(team);

        // the level triggers (V3_1) rewrite level_at_time from March 15 on; the summary follows
        s.level(eva, "cadre", "2026-03-15T00:00:00Z");
        fresh(team);
        JsonPath r = mine(team, MARCH);
        minutes(r, "byLevel.new", 60);
        minutes(r, "byLevel.cadre", 30);

        // further back: March 10 now counts as less-involved, March 20 is still cadre
        s.level(eva, "less-involved", "2026-03-05T00:00:00Z");
        fresh(team);
        r = mine(team, MARCH);
        minutes(r, "byLevel.new", 0);
        minutes(r, "byLevel.'less-involved'", 60);
        minutes(r, "byLevel.cadre", 30);
    }

    @Test
    void followsPositionChangesThroughTheApiAndImports() {
        TestTeam team = TestTeam.create();
        var member = team.member("organizer");
        Scenario s = new Scenario(team);
        String ana = contact(team, "Ana", "ana@example.org");
        String bea = contact(team, "Bea", "bea@example.org");
        String cy = contact(team, "Cy", "cy@example.org");
        s.conversation(ana, "2026-03-10T10:00:00Z", 30, null);
        s.conversation(member::api, ana, "2026-03-11T10:00:00Z", 5, null);
        s.conversation(bea, "2026-03-12T10:00:00Z", 20, null);
        s.conversation(cy, "2026-03-13T10:00:00Z", 7, null);
        // an action's shares follow the attendees' positions too (kept on attendance, V18_4): 30 each
        s.action("2026-03-14T10:00:00Z", 60, null, List.of(team.adminId), Map.of(ana, false, bea, false));
        fresh(team);
        minutes(all(team, MARCH), "byPosition.base", 122);

        team.api().body(Map.of("position", "officer")).patch("/api/v1/contacts/" + ana).then().statusCode(200);
        fresh(team);
        JsonPath r = all(team, MARCH);
        minutes(r, "byPosition.officer", 65);
        minutes(r, "byPosition.base", 57);

        // one UPDATE for the whole file: Ana and Bea move, Cy stays, Dee is new
        JsonPath imported = given().auth().oauth2(team.token).contentType("text/csv").accept("application/json")
                .body("""
                        Email,Position
                        ana@example.org,ally
                        bea@example.org,staff
                        cy@example.org,base
                        dee@example.org,officer
                        """.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/imports/contacts?onMatch=update").then().statusCode(200).extract().jsonPath();
        assertEquals(3, imported.getInt("updated"));
        fresh(team);
        r = all(team, MARCH);
        minutes(r, "byPosition.ally", 65);
        minutes(r, "byPosition.staff", 50);
        minutes(r, "byPosition.base", 7);
        minutes(r, "byPosition.officer", 0);

        // erasure keeps the position, and the minutes stay where they were
        team.api().delete("/api/v1/contacts/" + bea).then().statusCode(204);
        fresh(team);
        minutes(all(team, MARCH), "byPosition.staff", 50);
    }

    @Test
    void followsPlacesThroughTheApiImportsUnitRemovalAndMerges() {
        TestTeam team = TestTeam.create();
        Scenario s = new Scenario(team);
        String plant = team.organization("Plant", "workplace");
        String days = team.unit(plant, "Day shift", "shift");
        String nights = team.unit(plant, "Night shift", "shift");
        String depot = team.organization("Depot", "workplace");
        String ana = TimeByUnitTest.placed(team, contact(team, "Ana", "ana@example.org"), plant, days);
        String bea = TimeByUnitTest.placed(team, contact(team, "Bea", "bea@example.org"), plant, nights);
        String cy = contact(team, "Cy", "cy@example.org");
        s.conversation(ana, "2026-03-10T10:00:00Z", 30, null);
        s.conversation(ana, "2026-03-11T10:00:00Z", 5, null);
        s.conversation(bea, "2026-03-12T10:00:00Z", 20, null);
        s.conversation(cy, "2026-03-13T10:00:00Z", 7, null);
        fresh(team);
        assertEquals(Map.of("Plant/Day shift", 35f, "Plant/Night shift", 20f, "-/-", 7f), byUnit(team));

        // Ana to the night shift through the API: her 35 minutes go with her
        TimeByUnitTest.placed(team, ana, plant, nights);
        fresh(team);
        assertEquals(Map.of("Plant/Day shift", 0f, "Plant/Night shift", 55f, "-/-", 7f), byUnit(team));

        // one UPDATE for the whole file: Cy into the depot, Bea to the day shift
        JsonPath imported = given().auth().oauth2(team.token).contentType("text/csv").accept("application/json")
                .body("""
                        Email,Organization,Unit
                        cy@example.org,Depot,
                        bea@example.org,Plant,Day shift
                        """.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/imports/contacts?onMatch=update").then().statusCode(200).extract().jsonPath();
        assertEquals(2, imported.getInt("updated"));
        fresh(team);
        assertEquals(Map.of("Depot/-", 7f, "Plant/Day shift", 20f, "Plant/Night shift", 35f), byUnit(team));

        // the night shift removed: Ana sits in the plant, in no unit, with her minutes
        team.api().delete("/api/v1/organizations/" + plant + "/units/" + nights).then().statusCode(204);
        fresh(team);
        assertEquals(Map.of("Depot/-", 7f, "Plant/Day shift", 20f, "Plant/-", 35f), byUnit(team));

        // the depot merged into the plant: Cy's minutes join Ana's
        team.api().body(Map.of("intoOrganizationId", plant)).post("/api/v1/organizations/" + depot + "/merge")
                .then().statusCode(200);
        fresh(team);
        assertEquals(Map.of("Plant/Day shift", 20f, "Plant/-", 42f), byUnit(team));
    }

    /** The time report's minutes by unit for the team's March, as "organization/unit" ("-": none). */
    private static Map<String, Float> byUnit(TestTeam team) {
        Map<String, Float> minutes = new HashMap<>();
        for (Map<String, Object> row : all(team, MARCH).<Map<String, Object>>getList("byUnit")) {
            Object organization = row.get("organizationName");
            Object unit = row.get("name");
            minutes.put((organization == null ? "-" : organization) + "/" + (unit == null ? "-" : unit),
                    ((Number) row.get("minutes")).floatValue());
        }
        return minutes;
    }

    @Test
    void followsTheTeamsTimeZone() {
        TestTeam team = TestTeam.create(); // UTC
        Scenario s = new Scenario(team);
        String c = s.contact("Ida", "new", "base");
        s.conversation(c, "2026-02-28T23:30:00Z", 1, null); // Berlin: March 1, 00:30
        s.conversation(c, "2026-03-01T00:30:00Z", 2, null); // Berlin: March 1, 01:30
        s.conversation(c, "2026-03-31T23:30:00Z", 4, null); // Berlin: April 1, 01:30 (summer time)
        s.conversation(c, "2026-03-31T03:30:00Z", 8, null); // New York: March 30, 23:30
        fresh(team);
        minutes(mine(team, MARCH), "totalMinutes", 14);
        minutes(mine(team, "from=2026-03-31&to=2026-03-31"), "totalMinutes", 12);

        zone(team, "Europe/Berlin");
        fresh(team);
        minutes(mine(team, MARCH), "totalMinutes", 11);
        minutes(mine(team, "from=2026-03-31&to=2026-03-31"), "totalMinutes", 8);

        // New York: the first two fall on February 28, the last two on March 31 and 30
        zone(team, "America/New_York");
        fresh(team);
        minutes(mine(team, MARCH), "totalMinutes", 12);
        minutes(mine(team, "from=2026-03-31&to=2026-03-31"), "totalMinutes", 4);
        minutes(mine(team, "from=2026-03-30&to=2026-03-30"), "totalMinutes", 8);
    }

    /**
     * Two transactions logging a conversation for one organizer, day, level and position add to
     * the same summary key; before V27_1 the second waited on the first's row until its commit
     * (16 connections of one organizer queued on it). Now each transaction writes its own
     * stripe: the second goes through while the first is still open, and the sums stay exact.
     */
    @Test
    void concurrentLogsOfOneKeyDoNotWaitForEachOther() throws SQLException {
        TestTeam team = TestTeam.create();
        Scenario s = new Scenario(team);
        String ana = s.contact("Ana", "new", "base");
        String bea = s.contact("Bea", "new", "base");
        String insert = """
                insert into conversation (id, team_id, contact_id, organizer_id, occurred_at, duration_minutes, channel)
                values (gen_random_uuid(), ?, ?, ?, timestamptz '2026-03-10 10:00:00+00', ?, 'phone')""";
        try (Connection first = AllTeams.connection(dataSource); Connection second = AllTeams.connection(dataSource)) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            log(first, insert, team, ana, 30);
            int firstStripe = stripe(first);
            // a transaction of its own stripe (consecutive transactions get different ones)
            for (int tries = 0; stripe(second) == firstStripe && tries < 16; tries++) {
                second.rollback();
            }
            try (var s2 = second.createStatement()) {
                s2.execute("set local lock_timeout = '5s'");
            }
            log(second, insert, team, bea, 20); // waited, then failed on the lock timeout before V27_1
            second.commit();
            first.commit();
        }
        fresh(team);
        minutes(all(team, MARCH), "totalMinutes", 50);
    }

    private static void log(Connection c, String insert, TestTeam team, String contact, int minutes) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(insert)) {
            ps.setObject(1, UUID.fromString(team.teamId));
            ps.setObject(2, UUID.fromString(contact));
            ps.setObject(3, UUID.fromString(team.adminId));
            ps.setInt(4, minutes);
            ps.executeUpdate();
        }
    }

    private static int stripe(Connection c) throws SQLException {
        try (var st = c.createStatement(); ResultSet r = st.executeQuery("select gw_conversation_day_stripe()")) {
            r.next();
            return r.getInt(1);
        }
    }

    // ---- helpers ------------------------------------------------------------------------------

    /**
     * The summary, summed per key over its stripes (V27_1), holds exactly the team's
     * conversations summed from scratch; a key whose stripes cancel out counts as absent.
     */
    private void fresh(TestTeam team) {
        List<String> stored = rows("""
                select organizer_id, day, work_id, level, position, sum(minutes), sum(conversations)
                from conversation_day where team_id = ?1
                group by 1, 2, 3, 4, 5
                having sum(minutes) <> 0 or sum(conversations) <> 0
                order by 1, 2, 3 nulls first, 4, 5""", team.teamId);
        List<String> scratch = rows("""
                select c.organizer_id, cast(c.occurred_at at time zone t.time_zone as date), c.work_id, c.level_at_time,
                       coalesce(k.position, 'unrecorded'), sum(c.duration_minutes), count(*)
                from conversation c join team t on t.id = c.team_id left join contact k on k.id = c.contact_id
                where c.team_id = ?1
                group by 1, 2, 3, 4, 5
                order by 1, 2, 3 nulls first, 4, 5""", team.teamId);
        assertFalse(scratch.isEmpty());
        assertEquals(scratch, stored, "conversation_day against the conversations summed from scratch");
        // the same minutes per place, each conversation at its contact's place now (V28_1)
        List<String> storedPlaces = rows("""
                select organizer_id, day, work_id, organization_id, unit_id, sum(minutes), sum(conversations)
                from conversation_place_day where team_id = ?1
                group by 1, 2, 3, 4, 5
                having sum(minutes) <> 0 or sum(conversations) <> 0
                order by 1, 2, 3 nulls first, 4 nulls first, 5 nulls first""", team.teamId);
        List<String> scratchPlaces = rows("""
                select c.organizer_id, cast(c.occurred_at at time zone t.time_zone as date), c.work_id,
                       k.organization_id, k.unit_id, sum(c.duration_minutes), count(*)
                from conversation c join team t on t.id = c.team_id join contact k on k.id = c.contact_id
                where c.team_id = ?1
                group by 1, 2, 3, 4, 5
                order by 1, 2, 3 nulls first, 4 nulls first, 5 nulls first""", team.teamId);
        assertEquals(scratchPlaces, storedPlaces, "conversation_place_day against the conversations summed from scratch");
        assertEquals(List.of(), rows("""
                select t.id from attendance t join contact k on k.id = t.contact_id
                where t.team_id = ?1 and t.position is distinct from k.position""", team.teamId),
                "attendance.position against the contacts' positions now");
        assertEquals(List.of(), rows("""
                select k.id from contact k where k.team_id = ?1
                  and k.last_conversation_at is distinct from
                      (select max(c.occurred_at) from conversation c where c.contact_id = k.id)""", team.teamId),
                "contact.last_conversation_at against the contacts' latest conversations (V18_5)");
    }

    private List<String> rows(String query, String teamId) {
        return AllTeams.rows(dataSource, query, teamId);
    }

    /** One statement with ?1, ?2, ... as uuids. */
    private void sql(String statement, String... ids) {
        String jdbc = statement;
        List<Integer> order = new ArrayList<>();
        while (jdbc.matches("(?s).*\\?\\d.*")) {
            int at = jdbc.indexOf('?');
            while (!Character.isDigit(jdbc.charAt(at + 1))) {
                at = jdbc.indexOf('?', at + 1);
            }
            order.add(jdbc.charAt(at + 1) - '1');
            jdbc = jdbc.substring(0, at + 1) + jdbc.substring(at + 2);
        }
        try (Connection c = AllTeams.connection(dataSource); PreparedStatement ps = c.prepareStatement(jdbc)) {
            for (int i = 0; i < order.size(); i++) {
                ps.setObject(i + 1, UUID.fromString(ids[order.get(i)]));
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void change(TestTeam team, String conversation, Map<String, Object> patch) {
        team.api().body(patch).patch("/api/v1/conversations/" + conversation).then().statusCode(200);
    }

    private static void zone(TestTeam team, String zone) {
        team.api().body(Map.of("timeZone", zone)).patch("/api/v1/team").then().statusCode(200);
    }

    private static String contact(TestTeam team, String name, String email) {
        return team.api().body(Map.of("fullName", name, "email", email, "position", "base"))
                .post("/api/v1/contacts").then().statusCode(201).extract().path("id");
    }

    private static JsonPath mine(TestTeam team, String period) {
        return Scenario.report(team.api(), "time", period);
    }

    private static JsonPath all(TestTeam team, String period) {
        return Scenario.report(team.api(), "time", period + "&organizer=all");
    }
}
