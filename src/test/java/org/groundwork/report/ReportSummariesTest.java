package org.groundwork.report;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.groundwork.support.AllTeams;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.groundwork.report.TimeReportTest.MARCH;
import static org.groundwork.report.TimeReportTest.minutes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.hamcrest.Matchers.is;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;

/**
 * The reports' summaries of V19 are kept by triggers: first_action (each contact's first action)
 * and unit_headcount (live people per place); and level_move (V26_1, the movement report's level
 * changes with each one's previous same move). After every kind of write each must hold exactly
 * what computing it from scratch gives, and the reports that read them must say so.
 */
@QuarkusTest
class ReportSummariesTest {

    @Inject
    DataSource dataSource;

    @Test
    void firstActionFollowsAttendanceAndActions() {
        TestTeam team = TestTeam.create();
        Scenario s = new Scenario(team);
        String ana = s.contact("Ana", "new", "base");
        String bea = s.contact("Bea", "new", "base");
        // Ana a first-timer on March 10; a conversation within the heat window (2 days) after it
        String march10 = s.action("2026-03-10T18:00:00Z", 60, null, List.of(team.adminId), Map.of(ana, true));
        s.conversation(ana, "2026-03-11T10:00:00Z", 30, null);
        firstActions(team);
        minutes(time(team), "firstTimerMinutes", 90);
        assertEquals(1, movement(team).getInt("timeliness.firstTimers"));

        // Bea too, at a second action on March 20; Ana attends it as well (not her first)
        String march20 = s.action("2026-03-20T18:00:00Z", 40, null, List.of(team.adminId), Map.of(ana, false, bea, true));
        firstActions(team);
        minutes(time(team), "firstTimerMinutes", 110); // 60 + 30 with Ana, Bea's 20 of the 40
        assertEquals(2, movement(team).getInt("timeliness.firstTimers"));

        // the March 20 action moved before March 10: it is now Bea's first and still not Ana's
        // (her attendance there is not a first time)
        team.api().body(Map.of("startsAt", "2026-03-05T18:00:00Z")).patch("/api/v1/actions/" + march20)
                .then().statusCode(200);
        firstActions(team);

        // Ana's attendance on March 10 no longer a first time: she has no first action
        team.api().body(List.of(Map.of("contactId", ana, "firstTime", false)))
                .put("/api/v1/actions/" + march10 + "/attendance").then().statusCode(200);
        firstActions(team);
        assertEquals(List.of(bea), ids(team, "select contact_id from first_action where team_id = ?1"));

        // and her first time moved to the other action, then everyone removed from it
        team.api().body(List.of(Map.of("contactId", ana, "firstTime", true), Map.of("contactId", bea, "firstTime", true)))
                .put("/api/v1/actions/" + march20 + "/attendance").then().statusCode(200);
        firstActions(team);
        team.api().body(List.of()).put("/api/v1/actions/" + march20 + "/attendance").then().statusCode(200);
        firstActions(team);
        assertEquals(List.of(), ids(team, "select contact_id from first_action where team_id = ?1"));
        minutes(time(team), "firstTimerMinutes", 0);
        assertEquals(0, movement(team).getInt("timeliness.firstTimers"));
    }

    @Test
    void unitHeadcountFollowsContactsUnitsAndImports() {
        TestTeam team = TestTeam.create();
        Scenario s = new Scenario(team);
        String plant = team.organization("Plant", "workplace");
        String days = team.unit(plant, "Day shift", "shift");
        String nights = team.unit(plant, "Night shift", "shift");
        String ana = TimeByUnitTest.placed(team, s.contact("Ana", "new", "base"), plant, days);
        String bea = TimeByUnitTest.placed(team, s.contact("Bea", "new", "base"), plant, days);
        String cy = s.contact("Cy", "new", "base");
        headcounts(team);
        assertEquals(List.of(2, 0, 1), time(team).getList("byUnit.people")); // Day, Night, no organization

        // moved to nights, then out of any unit; Cy into the plant
        TimeByUnitTest.placed(team, bea, plant, nights);
        headcounts(team);
        TimeByUnitTest.placed(team, cy, plant, null);
        headcounts(team);
        assertEquals(List.of(1, 1, 1), time(team).getList("byUnit.people")); // Day, Night, Plant no unit

        // a logged conversation updates the contact (last_conversation_at) and moves nobody
        s.conversation(ana, "2026-03-02T10:00:00Z", 30, null);
        headcounts(team);

        // erased: no longer a live person there
        team.api().delete("/api/v1/contacts/" + ana).then().statusCode(204);
        headcounts(team);
        assertEquals(List.of(0, 1, 1), time(team).getList("byUnit.people"));

        // the night shift deleted: its people are in the plant, in no unit
        team.api().delete("/api/v1/organizations/" + plant + "/units/" + nights).then().statusCode(204);
        headcounts(team);
        assertEquals(List.of(0, 2), time(team).getList("byUnit.people")); // Day, Plant no unit

        // an import creates people in no organization in one statement
        given().auth().oauth2(team.token).contentType("text/csv").accept("application/json")
                .body("Name,Email\nDee,dee@example.org\nEve,eve@example.org\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/imports/contacts").then().statusCode(200);
        headcounts(team);
        assertEquals(List.of(0, 2, 2), time(team).getList("byUnit.people")); // Day, Plant no unit, no organization

        // an update import moves both into a new organization in one statement, and a merge moves
        // them on into the plant in one more: each place is written once a statement (V28_19)
        given().auth().oauth2(team.token).contentType("text/csv").accept("application/json")
                .body("Name,Email,Organization\nDee,dee@example.org,Depot\nEve,eve@example.org,Depot\n"
                        .getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/imports/contacts?onMatch=update").then().statusCode(200).body("updated", is(2));
        headcounts(team);
        String depot = team.api().get("/api/v1/organizations").then().statusCode(200)
                .extract().path("items.find { it.name == 'Depot' }.id");
        team.api().body(Map.of("intoOrganizationId", plant)).post("/api/v1/organizations/" + depot + "/merge")
                .then().statusCode(200);
        headcounts(team);
        assertEquals(List.of(0, 4), time(team).getList("byUnit.people")); // Day, Plant no unit
    }

    /** The merge's clashing units (their people moved, then the unit deleted) and a unit removed with units inside it. */
    @Test
    void unitHeadcountFollowsAMergeOfClashingUnitsAndARemovalOfNestedUnits() {
        TestTeam team = TestTeam.create();
        Scenario s = new Scenario(team);
        String plant = team.organization("Plant", "workplace");
        String days = team.unit(plant, "Days", "shift");
        String line = team.unit(plant, "Line 1", "department", days);
        String annex = team.organization("Plant annex", "workplace");
        String annexDays = team.unit(annex, "days", "shift"); // the same name, as a merge compares it
        String annexLine = team.unit(annex, "Line 2", "department", annexDays);
        TimeByUnitTest.placed(team, s.contact("Ana", "new", "base"), plant, days);
        TimeByUnitTest.placed(team, s.contact("Bea", "new", "base"), plant, line);
        TimeByUnitTest.placed(team, s.contact("Cy", "new", "base"), annex, annexDays);
        TimeByUnitTest.placed(team, s.contact("Dee", "new", "base"), annex, annexLine);
        TimeByUnitTest.placed(team, s.contact("Eve", "new", "base"), annex, null);
        headcounts(team);

        team.api().body(Map.of("intoOrganizationId", plant)).post("/api/v1/organizations/" + annex + "/merge")
                .then().statusCode(200);
        headcounts(team);

        // Days removed with Line 1 and Line 2 inside it: all their people to the plant's "no unit"
        team.api().delete("/api/v1/organizations/" + plant + "/units/" + days).then().statusCode(204);
        headcounts(team);
        assertEquals(List.of("5"), AllTeams.rows(dataSource, """
                select people from unit_headcount where team_id = ?1 and organization_id = ?2 and unit_id is null""",
                team.teamId, plant));
    }

    @Test
    void levelMoveFollowsEveryWriteOfTheLevelHistory() throws SQLException {
        TestTeam team = TestTeam.create();
        Scenario s = new Scenario(team);
        String ana = s.contact("Ana", "new", "base");
        String bea = s.contact("Bea", "less-involved", "base");
        levelMoves(team);
        // the level a contact is created with is not a move
        assertEquals(List.of(), ids(team, "select id from level_move where team_id = ?1"));

        s.level(ana, "cadre", "2026-03-10T10:00:00Z");
        s.level(ana, "new", "2026-03-12T10:00:00Z");
        s.level(ana, "cadre", "2026-03-20T10:00:00Z"); // the same move again: still one person
        s.level(bea, "cadre", "2026-03-15T10:00:00Z");
        levelMoves(team);
        JsonPath m = teamMovement(team);
        assertEquals(List.of(0, 2, 0, 1, 1, 0), m.getList("transitions.count"));
        assertEquals(List.of(0, 1, 0, 1, 1, 0), m.getList("transitions.peopleCount"));

        // back-dated before the others, and one in February (before the period): Ana's March
        // move to cadre now has an earlier one, and she is still one person of the pair; each
        // change they are put before now starts from them (Ana's of the 10th less-involved → cadre,
        // Bea's of the 15th new → cadre)
        s.level(ana, "less-involved", "2026-03-01T10:00:00Z");
        s.level(bea, "new", "2026-02-10T10:00:00Z");
        levelMoves(team);
        assertEquals(List.of(1, 2, 0, 1, 1, 0), teamMovement(team).getList("transitions.count"));

        // an import: new people (creation rows, no moves) and a level moved for an existing one
        String cy = team.api().body(Map.of("fullName", "Cy", "email", "cy@example.org", "engagementLevel", "new",
                "position", "base")).post("/api/v1/contacts").then().statusCode(201).extract().path("id");
        given().auth().oauth2(team.token).contentType("text/csv").accept("application/json")
                .body("Name,Email,Level\nCy,cy@example.org,cadre\nDee,dee@example.org,cadre\n"
                        .getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/imports/contacts?onMatch=update").then().statusCode(200);
        levelMoves(team);
        assertEquals(1, ids(team, "select id from level_move where team_id = ?1 and contact_id = '" + cy + "'").size());

        // erased: the reasons go (an update of every row of the person), the moves stay
        team.api().delete("/api/v1/contacts/" + bea).then().statusCode(204);
        levelMoves(team);

        // rows changed and deleted by hand (a data fix): time, levels, contact, deletion
        sql("update level_change set changed_at = changed_at + interval '1 day' where contact_id = '" + ana
                + "' and to_level = 'new'");
        levelMoves(team);
        sql("update level_change set from_level = 'less-involved' where contact_id = '" + ana
                + "' and changed_at = '2026-03-20T10:00:00Z'");
        levelMoves(team);
        sql("update level_change set contact_id = '" + cy + "' where contact_id = '" + ana
                + "' and changed_at = '2026-03-10T10:00:00Z'");
        levelMoves(team);
        sql("delete from level_change where contact_id = '" + cy + "' and from_level is not null");
        levelMoves(team);
        // left in March: Ana new → less-involved (1st), cadre → new (13th), less-involved → cadre
        // (20th); Bea new → cadre (15th, after her change back-dated to February)
        assertEquals(List.of(1, 1, 0, 1, 1, 0), teamMovement(team).getList("transitions.count"));
    }

    @Test
    void theTeamsTransitionsAreTheRankingFromScratchAcrossTheListsCut() throws SQLException {
        TestTeam team = TestTeam.create();
        StringBuilder csv = new StringBuilder("Name\n");
        for (int i = 1; i <= 150; i++) {
            csv.append(String.format("P%03d%n", i));
        }
        given().auth().oauth2(team.token).contentType("text/csv").accept("application/json")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/imports/contacts").then().statusCode(200);
        List<String> p = ids(team, "select id from contact where team_id = ?1 and full_name like 'P%' order by full_name");
        assertEquals(150, p.size());
        List<String> changes = new ArrayList<>();
        java.time.Instant march = java.time.Instant.parse("2026-03-02T00:00:00Z");
        for (int i = 1; i <= 150; i++) {
            // new → cadre: everyone, the latest 20 at one moment (ties go by id), sixty twice in
            // the period, five also in February: 210 changes, 150 people, and the latest 200
            // changes hold more people than the list, so only those are ranked
            changes.add(move(p, i, "new", "cadre", i <= 20 ? "2026-03-27T12:00:00Z" : march.plusSeconds(600L * i).toString()));
            if (i <= 60) {
                changes.add(move(p, i, "new", "cadre", march.plusSeconds(259_200L + 60L * i).toString()));
            } else if (i <= 65) {
                changes.add(move(p, i, "new", "cadre", "2026-02-10T00:00:00Z"));
            }
            // less-involved → cadre: 120 people at the same moment, more than the list holds
            if (i <= 120) {
                changes.add(move(p, i, "less-involved", "cadre", "2026-03-25T08:00:00Z"));
            }
            // cadre → new: 30 people eight times each (their latest 200 changes hold only 30)
            for (int k = 0; i <= 30 && k < 8; k++) {
                changes.add(move(p, i, "cadre", "new", march.plusSeconds(691_200L + 60L * (8 * i + k)).toString()));
            }
            // cadre → less-involved: 60 people four times late, 60 once early: the latest 200
            // changes hold 60 people, the period 120, so the whole period is ranked
            for (int k = 0; i > 30 && i <= 90 && k < 4; k++) {
                changes.add(move(p, i, "cadre", "less-involved", march.plusSeconds(1_555_200L + 60L * (4 * i + k)).toString()));
            }
            if (i > 90) {
                changes.add(move(p, i, "cadre", "less-involved", march.plusSeconds(86_400L + 60L * i).toString()));
            }
            if (i <= 5) {
                changes.add(move(p, i, "new", "less-involved", march.plusSeconds(60L * i).toString()));
            }
        }
        changes.add(move(p, 1, "cadre", "new", "2026-04-10T00:00:00Z")); // after the period
        sql("insert into level_change (id, team_id, contact_id, from_level, to_level, changed_at) values "
                + String.join(", ", changes).replace("TEAM", team.teamId));
        levelMoves(team);

        JsonPath m = teamMovement(team);
        assertEquals(List.of("new", "new", "less-involved", "less-involved", "cadre", "cadre"), m.getList("transitions.from"));
        assertEquals(List.of(5, 210, 0, 120, 240, 300), m.getList("transitions.count"));
        assertEquals(List.of(5, 150, 0, 120, 30, 120), m.getList("transitions.peopleCount"));
        List<Map<String, Object>> transitions = new ArrayList<>(m.getList("transitions"));
        assertEquals(List.of(5, 100, 0, 100, 30, 100),
                transitions.stream().map(t -> ((List<?>) t.get("people")).size()).toList());
        // every list, person by person, as ranking every person of the period from scratch gives
        List<String> listed = new ArrayList<>();
        transitions.sort(java.util.Comparator.comparing(t -> t.get("from") + " " + t.get("to")));
        for (Map<String, Object> t : transitions) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> people = (List<Map<String, Object>>) t.get("people");
            for (Map<String, Object> person : people) {
                listed.add(t.get("from") + " | " + t.get("to") + " | " + person.get("contactId") + " | "
                        + t.get("count") + " | " + t.get("peopleCount"));
            }
        }
        assertEquals(rows("""
                select x.from_level, x.to_level, x.contact_id, x.changes, x.people
                from (select g.*, sum(g.n) over w as changes, count(*) over w as people,
                             row_number() over (partition by g.from_level, g.to_level
                                                order by g.last_at desc, g.contact_id) as rank
                      from (select from_level, to_level, contact_id, count(*) as n, max(changed_at) as last_at
                            from level_change
                            where team_id = ?1 and from_level is not null
                              and changed_at >= '2026-03-01T00:00:00Z' and changed_at < '2026-04-01T00:00:00Z'
                            group by 1, 2, 3) g
                      window w as (partition by g.from_level, g.to_level)) x
                where x.rank <= 100
                order by x.from_level, x.to_level, x.rank""", team.teamId), listed);
    }

    @Test
    void theTeamsFollowUpAndCoolingCountsInOnePass() throws SQLException {
        // the team's counts are one pass over its contacts, each with its follow-ups summed:
        // several follow-ups of one person, erased and do-not-contact people, follow-ups closed
        // before and after the period's end, written after it
        TestTeam team = TestTeam.create();
        Scenario s = new Scenario(team);
        String ana = s.contact("Ana", "new", "base");
        String bea = s.contact("Bea", "new", "base");
        String cy = s.contact("Cy", "new", "base");
        String dee = s.contact("Dee", "new", "base");
        String eve = s.contact("Eve", "new", "base");
        String fay = s.contact("Fay", "new", "base");
        s.contact("Gus", "new", "base");
        team.api().delete("/api/v1/contacts/" + dee).then().statusCode(204);
        sql("update contact set do_not_contact = true where id = '" + eve + "'");
        sql("update contact set created_at = '2026-01-05T00:00:00Z' where team_id = '" + team.teamId + "'");
        String march1 = "'2026-03-01T09:00:00Z'";
        sql("insert into follow_up (id, team_id, contact_id, assignee_id, due_on, status, closed_at, created_at) values "
                + followUp(team, ana, "2026-03-10", "open", null, march1) + ", " // overdue at the end
                + followUp(team, ana, "2026-04-20", "open", null, march1) + ", "
                + followUp(team, bea, "2026-03-15", "done", "'2026-04-05T00:00:00Z'", march1) + ", " // open then, overdue
                + followUp(team, cy, "2026-03-15", "done", "'2026-03-20T00:00:00Z'", march1) + ", " // closed in March
                + followUp(team, dee, "2026-03-10", "open", null, march1) + ", " // erased: left out
                + followUp(team, eve, "2026-03-10", "open", null, march1) + ", " // do not contact: left out
                + followUp(team, fay, "2026-04-10", "open", null, "'2026-04-02T00:00:00Z'")); // written after
        JsonPath m = teamMovement(team);
        assertEquals(3, m.getInt("followUps.open"));
        assertEquals(2, m.getInt("followUps.overdue"));
        assertEquals(3, m.getInt("cooling")); // Bea, Cy, Gus: no open follow-up now, nobody talked with them
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static JsonPath time(TestTeam team) {
        return Scenario.report(team.api(), "time", MARCH);
    }

    private static JsonPath movement(TestTeam team) {
        return Scenario.report(team.api(), "movement", MARCH);
    }

    private static JsonPath teamMovement(TestTeam team) {
        return Scenario.report(team.api(), "movement", "organizer=all&" + MARCH);
    }

    /** A row of level_change's VALUES for the i-th (1-based) person; TEAM stands for the team. */
    private static String move(List<String> people, int i, String from, String to, String at) {
        return "(gen_random_uuid(), 'TEAM', '" + people.get(i - 1) + "', '" + from + "', '" + to + "', '" + at + "')";
    }

    private static String followUp(TestTeam team, String contact, String due, String status, String closedAt,
                                   String createdAt) {
        return "(gen_random_uuid(), '" + team.teamId + "', '" + contact + "', '" + team.adminId + "', '" + due + "', '"
                + status + "', " + closedAt + ", " + createdAt + ")";
    }

    /** level_move holds exactly the level changes that are moves, each with the same move's previous time. */
    private void levelMoves(TestTeam team) {
        List<String> scratch = rows("""
                select contact_id, id, from_level, to_level, changed_at,
                       lag(changed_at) over (partition by contact_id, from_level, to_level order by changed_at, id)
                from level_change where team_id = ?1 and from_level is not null order by 1, 2""", team.teamId);
        List<String> stored = rows("""
                select contact_id, id, from_level, to_level, changed_at, earlier_at
                from level_move where team_id = ?1 order by 1, 2""", team.teamId);
        assertEquals(scratch, stored, "level_move against the level changes");
    }

    /** A data fix by hand, past row-level security. */
    private void sql(String statement) throws SQLException {
        try (Connection c = AllTeams.connection(dataSource); java.sql.Statement st = c.createStatement()) {
            st.executeUpdate(statement);
        }
    }

    /** first_action holds exactly each contact's earliest action attended as a first-timer. */
    private void firstActions(TestTeam team) {
        List<String> scratch = rows("""
                select t.contact_id, min(a.starts_at) from attendance t join action a on a.id = t.action_id
                where t.team_id = ?1 and t.first_time group by 1 order by 1""", team.teamId);
        List<String> stored = rows("select contact_id, first_at from first_action where team_id = ?1 order by 1",
                team.teamId);
        assertEquals(scratch, stored, "first_action against the first-time attendances");
    }

    /** unit_headcount holds exactly the live contacts per place (rows at zero may stay). */
    private void headcounts(TestTeam team) {
        List<String> scratch = rows("""
                select organization_id, unit_id, count(*) from contact
                where team_id = ?1 and erased_at is null group by 1, 2 order by 1 nulls first, 2 nulls first""",
                team.teamId);
        List<String> stored = rows("""
                select organization_id, unit_id, people from unit_headcount
                where team_id = ?1 and people <> 0 order by 1 nulls first, 2 nulls first""", team.teamId);
        assertFalse(scratch.isEmpty());
        assertEquals(scratch, stored, "unit_headcount against the live contacts per place");
    }

    private List<String> ids(TestTeam team, String query) {
        return rows(query, team.teamId);
    }

    private List<String> rows(String query, String teamId) {
        return AllTeams.rows(dataSource, query, teamId);
    }
}
