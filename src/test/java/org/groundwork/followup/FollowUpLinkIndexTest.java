package org.groundwork.followup;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.groundwork.support.AllTeams;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A follow-up found by what it links to, as the action's date correction finds its attendees' follow-ups and as
 * a deleted action's or conversation's foreign key clears the link (ON DELETE SET NULL, a lookup per deleted
 * row): by an index on the link (V28_21), not by reading every follow-up of the team. The plan is the generic one,
 * with sequential and bitmap scans ruled out as a big team's table would; before V28_21 it was the team's index
 * with the link as a filter.
 */
@QuarkusTest
class FollowUpLinkIndexTest {

    @Inject
    DataSource dataSource;

    @Test
    void eachLinkIsLookedUpByItsOwnIndex() throws SQLException {
        Map<String, String> links = Map.of("source_action_id", "follow_up_source_action_idx",
                "source_conversation_id", "follow_up_source_conversation_idx",
                "completed_by_conversation_id", "follow_up_completed_by_idx");
        for (Map.Entry<String, String> link : links.entrySet()) {
            String plan = genericPlan("select id from follow_up where team_id = $1 and " + link.getKey() + " = $2");
            assertTrue(plan.contains("Index") && plan.contains(link.getValue()) && plan.contains(link.getKey()),
                    link.getKey() + ":\n" + plan);
        }
    }

    private String genericPlan(String sql) throws SQLException {
        try (Connection c = AllTeams.connection(dataSource); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                s.execute("set local enable_seqscan = off");
                s.execute("set local enable_bitmapscan = off");
                s.execute("set local plan_cache_mode = force_generic_plan");
                s.execute("prepare by_link(uuid, uuid) as " + sql);
                StringBuilder plan = new StringBuilder();
                try (ResultSet r = s.executeQuery("explain execute by_link(null, null)")) {
                    while (r.next()) {
                        plan.append(r.getString(1)).append('\n');
                    }
                }
                return plan.toString();
            } finally {
                c.rollback();
                s.execute("deallocate by_link");
                c.setAutoCommit(true);
            }
        }
    }
}
