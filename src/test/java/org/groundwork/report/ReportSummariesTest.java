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

/**
 * The reports' summaries of V19 are kept by triggers: first_action (each contact's first action)
 * and unit_headcount (live people per place). After every kind of write each must hold exactly
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
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static JsonPath time(TestTeam team) {
        return Scenario.report(team.api(), "time", MARCH);
    }

    private static JsonPath movement(TestTeam team) {
        return Scenario.report(team.api(), "movement", MARCH);
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
