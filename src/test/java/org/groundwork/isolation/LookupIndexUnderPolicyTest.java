package org.groundwork.isolation;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.groundwork.support.AllTeams;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Under row-level security a condition reaches an index ahead of the policy only if every
 * function in it is LEAKPROOF; lower() and right() are not, so `lower(email) = ?` and
 * `right(phone_digits, 7) = ?` could not use the indexes built for them (the door's same-person
 * checks read the whole team, the login every organizer of the instance). The lookups compare
 * stored generated columns with `=` now (V20_1, V20_2). Each plan is asked as the app asks it: the
 * app's role (not a superuser), the app's policy, the team (or, for the login, the instance)
 * setting of a request. Sequential scans are priced out; what is checked is that the lookup's own
 * comparison is an index condition, not a filter after the policy.
 */
@QuarkusTest
class LookupIndexUnderPolicyTest {

    @Inject
    EntityManager em;

    @Test
    void theDoorFindsTheSameEmailFromItsIndex() {
        String plan = planOnProbe("contact_email_idx", """
                explain select * from probe
                where team_id = cast(?1 as uuid) and email_key = ?2 and email is not null and erased_at is null
                order by id""", "ana@example.org");
        assertIndexCondition(plan, "probe_email_idx", "email_key =");
    }

    @Test
    void theDoorFindsTheSamePhoneTailFromItsIndex() {
        String plan = planOnProbe("contact_phone_tail_idx", """
                explain select * from probe
                where team_id = cast(?1 as uuid) and erased_at is null and phone is not null and phone_tail = ?2
                order by id""", "5551234");
        assertIndexCondition(plan, "probe_phone_tail_idx", "phone_tail =");
    }

    @Test
    void theDoorFindsTheSameNameFromTheTrigramIndex() {
        // the door's same-name lookup and the list's search both read the name without its accents, spaces and
        // punctuation (V28_14, V28_24), its pattern escaped in the statement (ContactQuery.NAME_PATTERN)
        String plan = planOnProbe("contact_name_unaccented_trgm_idx", """
                explain select * from probe
                where team_id = cast(?1 as uuid) and erased_at is null and name_unaccented ilike %s escape '\\'
                  and lower(name_unaccented) = lower(gw_name_letters('ana garcia'))
                order by id""".formatted(org.groundwork.contact.ContactQuery.NAME_PATTERN.replace("?", "?2")), "ana garcia");
        assertIndexCondition(plan, "probe_name_unaccented_trgm_idx", "name_unaccented ~~*");
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

    /**
     * The plan of a query on a temporary copy of contact ("probe": 5,000 rows in two teams) that
     * has only the one index under test, copied from contact's own definition, and the app's team
     * policy (gw_team_policy, V14_3), enabled and forced; asked under one team's setting with
     * sequential scans priced out, the team's id as ?1. (On contact itself the test database is
     * so small that the planner may prefer another of its indexes and keep the lookup a filter.)
     */
    private String planOnProbe(String index, String sql, String value) {
        String team = UUID.randomUUID().toString();
        @SuppressWarnings("unchecked")
        List<String> rows = AllTeams.call(() -> {
            em.createNativeQuery("""
                    create temp table probe (like contact including defaults including generated including constraints)
                    on commit drop""").executeUpdate();
            em.createNativeQuery("""
                    insert into probe (id, team_id, full_name, phone, email)
                    select gen_random_uuid(), case when g % 2 = 0 then cast(?1 as uuid) else gen_random_uuid() end,
                           md5(g::text), (1000000000 + g * 7919)::text, md5('e' || g) || '@example.org'
                    from generate_series(1, 5000) g""").setParameter(1, team).executeUpdate();
            String definition = (String) em.createNativeQuery(
                            "select indexdef from pg_indexes where schemaname = 'public' and indexname = ?1")
                    .setParameter(1, index).getSingleResult();
            em.createNativeQuery(definition.replace("INDEX contact_", "INDEX probe_")
                    .replace(" ON public.contact ", " ON probe ")).executeUpdate();
            em.createNativeQuery("analyze probe").executeUpdate();
            String policy = (String) em.createNativeQuery("select gw_team_policy('team_id')").getSingleResult();
            em.createNativeQuery("alter table probe enable row level security").executeUpdate();
            em.createNativeQuery("alter table probe force row level security").executeUpdate();
            em.createNativeQuery("create policy probe_team on probe using (" + policy + ")").executeUpdate();
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
