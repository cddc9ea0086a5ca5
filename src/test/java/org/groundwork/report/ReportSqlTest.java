package org.groundwork.report;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The conditions on a report statement's lines: a line ending in "-- if people, organizer" is
 * kept only when both hold, so a filter inside an optional part of time-report.sql leaves with
 * that part (Today's glance asks for the figures alone).
 */
class ReportSqlTest {

    @Test
    void aLineWithSeveralConditionsIsKeptOnlyWhenAllHold() {
        String glance = ReportSql.text(TimeReports.REPORT, Set.of("organizer"));
        assertFalse(glance.contains("per_person"), glance);
        assertFalse(glance.contains("c.organizer_id = :org\n    and c.work_id"), glance);
        // the figures' own organizer filters stay
        assertTrue(glance.contains("d.organizer_id = :org"), glance);

        String organizer = ReportSql.text(TimeReports.REPORT, Set.of("people", "organizer"));
        assertTrue(organizer.contains("per_person"), organizer);
        assertTrue(organizer.contains("k.id = any(array("), organizer);
        assertFalse(organizer.contains("\n  join contact k on k.id = p.contact_id and k.team_id = :team\n"), organizer);

        String team = ReportSql.text(TimeReports.REPORT, Set.of("people", "team"));
        assertTrue(team.contains("\n  join contact k on k.id = p.contact_id and k.team_id = :team\n"), team);
        assertFalse(team.contains("any(array("), team);
        assertFalse(team.contains(":org"), team);
    }
}
