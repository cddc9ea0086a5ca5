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
            return em.createNativeQuery("""
                            explain select c.id, c.full_name, c.engagement_level, c.position, c.phone, c.last_conversation_at
                            from contact c
                            where c.owner_id = ?1 and c.team_id = ?2 and c.erased_at is null and not c.do_not_contact
                              and coalesce(c.last_conversation_at, c.created_at) < ?3
                              and not exists (select from follow_up f where f.contact_id = c.id and f.status = 'open')
                            order by c.owner_id, c.engagement_level = 'cadre', coalesce(c.last_conversation_at, c.created_at),
                                     c.id
                            limit 100""")
                    .setParameter(1, UUID.fromString(team.adminId)).setParameter(2, UUID.fromString(team.teamId))
                    .setParameter(3, Instant.now())
                    .getResultList();
        });
        String text = String.join("\n", plan);
        assertTrue(text.contains("contact_cooling_idx"), text);
        assertFalse(text.contains("Sort"), text);
    }
}
