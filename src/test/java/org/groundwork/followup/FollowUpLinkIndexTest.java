package org.groundwork.followup;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.groundwork.support.GenericPlan;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.SQLException;
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
            String plan = GenericPlan.of(dataSource, "select id from follow_up where team_id = ? and " + link.getKey() + " = ?");
            assertTrue(plan.contains("Index") && plan.contains(link.getValue()) && plan.contains(link.getKey()),
                    link.getKey() + ":\n" + plan);
        }
    }
}
