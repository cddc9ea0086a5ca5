package org.groundwork.followup;

import org.groundwork.support.AllTeams;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cooling list is read in the order of contact_cooling_idx (V18_2): an index range per owner,
 * no sort of all the contacts they own (before V18_2 the plan sorted them all; this fails there).
 */
@QuarkusTest
class CoolingPlanTest {

    @Inject
    EntityManager em;

    @Test
    void coolingIsAnIndexRangeInTheListsOrderWithoutASort() {
        TestTeam team = TestTeam.create();
        @SuppressWarnings("unchecked")
        List<String> plan = AllTeams.call(() -> {
            // the test database is small: rule out the scans a big team would never get
            em.createNativeQuery("set local enable_seqscan = off").executeUpdate();
            em.createNativeQuery("set local enable_bitmapscan = off").executeUpdate();
            return em.createNativeQuery("explain " + FollowUpService.COOLING_SQL)
                    .setParameter(1, UUID.fromString(team.adminId)).setParameter(2, UUID.fromString(team.teamId))
                    .setParameter(3, Instant.now())
                    .getResultList();
        });
        String text = String.join("\n", plan);
        assertTrue(text.contains("contact_cooling_idx"), text);
        assertFalse(text.contains("Sort"), text);
    }
}
