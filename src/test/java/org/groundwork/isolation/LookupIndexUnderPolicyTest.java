package org.groundwork.isolation;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.groundwork.support.AllTeams;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Under row-level security a condition reaches an index ahead of the policy only if every
 * function in it is LEAKPROOF; lower() and right() are not, so `lower(email) = ?` and
 * `right(phone_digits, 7) = ?` could not use the indexes built for them (the door's same-person
 * checks read the whole team, the login every organizer of the instance). The lookups compare
 * stored generated columns with `=` now (V20_1, V20_2). Each plan is asked as the app asks it: the
 * app's role, the real tables and policies, the team (or, for the login, the instance) setting of
 * a request. The test database is small, so sequential scans are priced out; what is checked is
 * that the lookup's own comparison is an index condition, not a filter after the policy.
 */
@QuarkusTest
class LookupIndexUnderPolicyTest {

    @Inject
    EntityManager em;

    @Test
    void theDoorFindsTheSameEmailFromItsIndex() {
        String plan = planForTeam("""
                explain select * from contact
                where team_id = cast(?1 as uuid) and email_key = ?2 and email is not null and erased_at is null
                order by id""", "ana@example.org");
        assertIndexCondition(plan, "contact_email_idx", "email_key =");
    }

    @Test
    void theDoorFindsTheSamePhoneTailFromItsIndex() {
        String plan = planForTeam("""
                explain select * from contact
                where team_id = cast(?1 as uuid) and erased_at is null and phone is not null and phone_tail = ?2
                order by id""", "5551234");
        assertIndexCondition(plan, "contact_phone_tail_idx", "phone_tail =");
    }

    @Test
    void theDoorFindsTheSameNameFromTheTrigramIndex() {
        String plan = planForTeam("""
                explain select * from contact
                where team_id = cast(?1 as uuid) and erased_at is null and full_name ilike ?2 escape '\\'
                  and lower(trim(full_name)) = 'ana garcia'
                order by id""", "%ana garcia%");
        assertIndexCondition(plan, "contact_name_trgm_idx", "full_name ~~*");
    }

    @Test
    void theLoginFindsTheAccountFromItsIndexAcrossTheInstance() {
        // before any team is known: the instance-wide setting, as IdentityProviders looks accounts up
        @SuppressWarnings("unchecked")
        List<String> rows = AllTeams.call(() -> {
            em.createNativeQuery("set local enable_seqscan = off").executeUpdate();
            return em.createNativeQuery("explain select * from organizer where email_key = ?1")
                    .setParameter(1, "ana@example.org").getResultList();
        });
        assertIndexCondition(String.join("\n", rows), "organizer_email_key", "email_key =");
    }

    /** The plan of a query with the team's id as ?1, under that team's setting (as a request's connection). */
    private String planForTeam(String sql, String value) {
        String team = TestTeam.create().teamId;
        @SuppressWarnings("unchecked")
        List<String> rows = AllTeams.call(() -> {
            em.createNativeQuery("select set_config('groundwork.scope', '', true), set_config('groundwork.team_id', ?1, true)")
                    .setParameter(1, team).getResultList();
            em.createNativeQuery("set local enable_seqscan = off").executeUpdate();
            return em.createNativeQuery(sql).setParameter(1, team).setParameter(2, value).getResultList();
        });
        return String.join("\n", rows);
    }

    private static void assertIndexCondition(String plan, String index, String comparison) {
        assertTrue(plan.contains(index), plan);
        assertTrue(plan.lines().anyMatch(l -> l.contains("Index Cond") && l.contains(comparison)),
                "the lookup is an index condition, not a filter behind the policy:\n" + plan);
    }
}
