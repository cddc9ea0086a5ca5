package org.groundwork.report;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.groundwork.organizer.Team;
import org.groundwork.support.AllTeams;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The time report's own statements (issue 14), planned as a big team would get them: the test
 * database is small, so sequential and bitmap scans are ruled out, as CoolingPlanTest does. What
 * is asserted is where the rows come from, never how fast.
 */
@QuarkusTest
class TimeReportPlanTest {

    @Inject
    EntityManager em;

    @Inject
    TimeReports time;

    @Inject
    AgroalDataSource dataSource;

    /**
     * No person's place is looked up: the conversations' minutes come per place from a summary
     * (one organizer's from conversation_place_day, the whole team's from its roll-up
     * team_place_day) and the action shares' with the place kept on each attendance (V28_3).
     * Before V28_3 each attendee's place was looked up in contact_place_idx (5,600 lookups for the
     * team's quarter on the benchmark data); this fails there.
     */
    @Test
    void placesComeFromTheSummariesWithoutLookingAnyoneUp() throws SQLException {
        String plan = plan(team -> new ReportService.Scope(UUID.fromString(team.adminId), true, null), "time-people");
        assertTrue(plan.contains("conversation_place_day"), plan);
        // contact is read once, for the listed people's names
        assertEquals(1, occurrences(plan, " on contact "), plan);
        plan = plan(team -> new ReportService.Scope(null, false, null), "time-places");
        assertTrue(plan.contains("team_place_day"), plan);
        assertFalse(plan.contains(" on contact "), plan);
    }

    /**
     * First-timers' minutes at actions are picked from the period's action shares the statement
     * has already read, not looked up again by contact through attendance and action: attendance
     * is read once (before, three times: the shares, the first-timers' attendances and each of
     * their actions' attendees; this fails there).
     */
    @Test
    void firstTimersMinutesReuseThePeriodsActionShares() throws SQLException {
        String plan = plan(team -> new ReportService.Scope(null, false, null), "time-figures");
        assertEquals(1, occurrences(plan, " on attendance "), plan);
        plan = plan(team -> new ReportService.Scope(UUID.fromString(team.adminId), true, null), "time-figures");
        assertEquals(1, occurrences(plan, " on attendance "), plan);
    }

    /**
     * The split-evenly rule of action shares is written once (time-action-shares.sql) and included
     * by every statement that needs it, in each combination of filters; so are the people's and the
     * places' minutes (time-person-minutes.sql, time-place-minutes.sql), which one organizer's
     * report asks in one statement and the team's in two.
     */
    @Test
    void everyStatementIncludesTheOneCopyOfEachStep() {
        for (Set<String> holding : List.of(Set.of("team"), Set.of("organizer"), Set.of("team", "work"), Set.of("organizer", "work"))) {
            String shares = ReportSql.text("time-action-shares", holding);
            String persons = ReportSql.text("time-person-minutes", holding);
            String places = ReportSql.text("time-place-minutes", holding);
            assertTrue(shares.startsWith("act as materialized ("), shares);
            Map<String, List<String>> steps = Map.of("time-figures", List.of(shares),
                    "time-people", List.of(shares, persons, places),
                    "time-persons", List.of(shares, persons), "time-places", List.of(shares, places));
            steps.forEach((statement, included) -> {
                String text = ReportSql.text(statement, holding);
                for (String step : included) {
                    assertTrue(text.contains(step), statement + " " + holding + " includes\n" + step + "\nin:\n" + text);
                }
                assertFalse(text.contains("include"), text);
            });
        }
    }

    /**
     * The whole team's figures sum the roll-up team_day, one organizer's conversation_day (V28_4);
     * both read each action's attendees from attendance_share_idx, which holds every column the
     * shares need (before, attendance_report_idx and then each attendee's row; this fails there).
     */
    @Test
    void theWholeTeamsFiguresComeFromTheRollUp() throws SQLException {
        String plan = plan(team -> new ReportService.Scope(null, false, null), "time-figures");
        assertTrue(plan.contains(" on team_day "), plan);
        assertFalse(plan.contains(" on conversation_day "), plan);
        assertTrue(plan.contains("attendance_share_idx"), plan);
        plan = plan(team -> new ReportService.Scope(UUID.fromString(team.adminId), true, null), "time-figures");
        assertTrue(plan.contains(" on conversation_day "), plan);
        assertFalse(plan.contains(" on team_day "), plan);
        assertTrue(plan.contains("attendance_share_idx"), plan);
    }

    /**
     * Every figure (total, by level, position, kind, work and week) comes from one pass over the
     * period's rows, as grouping sets (before, seven scans of them, one per figure; this fails there).
     */
    @Test
    void theFiguresAreSummedInOnePass() throws SQLException {
        for (boolean team : List.of(true, false)) {
            String plan = plan(t -> new ReportService.Scope(team ? null : UUID.fromString(t.adminId), !team, null),
                    "time-figures");
            assertEquals(1, occurrences(plan, "CTE Scan on fine"), plan);
        }
    }

    /**
     * Conversations and action shares are summed per person in one grouping, and the people are
     * counted without a window over all of them (before, a full join of the two sums and a
     * count(*) over (); this fails there).
     */
    @Test
    void thePeopleAreSummedInOneGrouping() throws SQLException {
        for (boolean team : List.of(true, false)) {
            String plan = plan(t -> new ReportService.Scope(team ? null : UUID.fromString(t.adminId), !team, null),
                    team ? "time-persons" : "time-people");
            assertFalse(plan.contains("Full Join"), plan);
            // the action shares' split (count over each action's attendees) is the one window left
            assertTrue(occurrences(plan, "WindowAgg") <= 1, plan);
        }
    }

    private String plan(Function<TestTeam, ReportService.Scope> scope, String statement) throws SQLException {
        TestTeam testTeam = TestTeam.create();
        // a big team's contact pages are all-visible (autovacuum keeps them so), which is what makes
        // an index-only scan the cheaper lookup; on a fresh test database nothing has vacuumed them
        // yet, and the planner then went to the heap through contact_team_id_id_key when this class
        // ran alone (it passed in the whole suite, after autovacuum had run)
        try (Connection c = dataSource.getConnection(); Statement vacuum = c.createStatement()) {
            vacuum.execute("vacuum (analyze) contact");
        }
        List<ReportSql.Row> plan = AllTeams.call(() -> {
            em.createNativeQuery("set local enable_seqscan = off").executeUpdate();
            em.createNativeQuery("set local enable_bitmapscan = off").executeUpdate();
            Team team = Team.findById(UUID.fromString(testTeam.teamId));
            LocalDate to = LocalDate.now(team.zone());
            Period period = Period.of(to.minusDays(29), to, team.zone());
            return time.query("explain ", statement, team, period, scope.apply(testTeam), null);
        });
        StringBuilder text = new StringBuilder();
        for (ReportSql.Row line : plan) {
            text.append(line.get("QUERY PLAN")).append('\n');
        }
        return text.toString();
    }

    private static int occurrences(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
