package org.groundwork.report;

import org.groundwork.support.AllTeams;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

/**
 * The benchmark's data set for one team, made in SQL with generate_series: 20 organizers,
 * 10 works, 100,000 contacts (1% erased), 200,000 level changes (one creation row per
 * contact and 100,000 moves), 1,000,000 conversations over two years, 3,000 actions with
 * about 45,000 attendances, 20,000 follow-ups, 20 organizations of 5,000 people with 20 units
 * each (one in ten people in no unit), and about 300,000 ties (each person listens to someone of
 * their organization, skewed, and has two close ties). Deterministic for a seed: random() is
 * seeded with setseed() on one session with no parallel workers, ids are md5 of the seed and
 * a row number, and every time is counted back from a fixed ANCHOR. Triggers stay on, so
 * the level at the time on every row is set the way the application sets it.
 */
final class BenchmarkData {

    /** "Now" in the data set: all times lie before it. */
    static final String ANCHOR = "2026-11-01 00:00:00+00";
    static final int ORGANIZERS = 20;

    private BenchmarkData() {
    }

    /** The id of generated organizer n (1..20), the same for a seed in any database. */
    static UUID organizer(long seed, int n) {
        return md5("o" + seed + ":" + n);
    }

    /** The id of generated organization g (1..20): 5,000 people each. */
    static UUID organization(long seed, int g) {
        return md5("g" + seed + ":" + g);
    }

    static void generate(DataSource ds, UUID team, long seed) throws SQLException {
        String s = Long.toString(seed);
        String t = "'" + team + "'::uuid";
        String anchor = "timestamptz '" + ANCHOR + "'";
        double setseed = (seed % 1_000_000) / 1_000_000.0;
        List<String> steps = List.of(
                "set max_parallel_workers_per_gather = 0",
                "select setseed(" + setseed + ")",
                // organizers and works
                """
                insert into organizer (id, team_id, email, display_name, role, password_hash)
                select md5('o%1$s:' || n)::uuid, %2$s, 'bench-' || n || '-' || %2$s || '@groundwork.test',
                       'Bench Organizer ' || n, 'organizer', 'no password: generated'
                from generate_series(1, 20) n""",
                """
                insert into work (id, team_id, name, focus, mode, justification)
                select md5('w%1$s:' || n)::uuid, %2$s, 'Bench work ' || n,
                       (array['bring-in-new', 'deepen-involvement', 'work-with-cadre'])[1 + n %% 3],
                       case when n %% 4 = 0 then 'support' else 'building' end, 'Generated for the benchmark'
                from generate_series(1, 10) n""",
                // 20 organizations of 5,000 people each, 20 units in each (the wall chart's columns)
                """
                insert into organization (id, team_id, name, kind)
                select md5('g%1$s:' || g)::uuid, %2$s, 'Bench organization ' || g, 'workplace'
                from generate_series(1, 20) g""",
                """
                insert into unit (id, team_id, organization_id, name, kind, position)
                select md5('u%1$s:' || g || ':' || u)::uuid, %2$s, md5('g%1$s:' || g)::uuid, 'Unit ' || u,
                       (array['department', 'floor', 'shift', 'area'])[1 + u %% 4], u
                from generate_series(1, 20) g cross join generate_series(1, 20) u""",
                // contacts: 70% base; 60% new, 30% less-involved, 10% cadre; 1% erased
                """
                create temp table bench_contact as
                select n, md5('c%1$s:' || n)::uuid as id, md5('o%1$s:' || (1 + n %% 20))::uuid as owner,
                       %3$s - random() * interval '1095 days' as created_at, random() as p, random() as l, random() as e
                from generate_series(1, 100000) n""",
                "alter table bench_contact add column level0 int",
                "update bench_contact set level0 = case when l < 0.6 then 0 when l < 0.9 then 1 else 2 end",
                "create index on bench_contact (n)",
                """
                insert into contact (id, team_id, full_name, phone, position, engagement_level, owner_id,
                                     do_not_contact, erased_at, created_at, updated_at, organization_id, unit_id)
                select id, %2$s, case when e < 0.01 then null else 'Bench Contact ' || n end,
                       case when e < 0.01 then null else '+1 555 ' || lpad(n::text, 7, '0') end,
                       case when p < 0.70 then 'base' when p < 0.78 then 'officer' when p < 0.85 then 'staff'
                            when p < 0.95 then 'ally' else 'political-group' end,
                       (array['new', 'less-involved', 'cadre'])[1 + level0], owner,
                       e < 0.01, case when e < 0.01 then %3$s end, created_at, created_at,
                       -- organization 1 + n %% 20; one in ten in no unit, in every organization (n %% 10
                       -- would follow the organization: 1 and 11 had no one in a unit, the others no one outside)
                       md5('g%1$s:' || (1 + n %% 20))::uuid,
                       case when (n / 400) %% 10 <> 0 then md5('u%1$s:' || (1 + n %% 20) || ':' || (1 + (n / 20) %% 20))::uuid end
                from bench_contact""",
                // level history: the creation row, then 100,000 moves of random contacts, each one
                // or two steps round new → less-involved → cadre from the level before it
                """
                insert into level_change (id, team_id, contact_id, from_level, to_level, changed_at, changed_by)
                select md5('l0%1$s:' || n)::uuid, %2$s, id, null, (array['new', 'less-involved', 'cadre'])[1 + level0],
                       created_at, owner
                from bench_contact""",
                """
                create temp table bench_move as
                select k, 1 + floor(random() * 100000)::int as n, 1 + floor(random() * 2)::int as step, random() as r
                from generate_series(1, 100000) k""",
                """
                insert into level_change (id, team_id, contact_id, from_level, to_level, changed_at, changed_by)
                select md5('l%1$s:' || m.k)::uuid, %2$s, c.id,
                       (array['new', 'less-involved', 'cadre'])[1 + (c.level0 + coalesce(sum(m.step) over
                           (partition by m.n order by m.r, m.k rows between unbounded preceding and 1 preceding), 0)) %% 3],
                       (array['new', 'less-involved', 'cadre'])[1 + (c.level0 + sum(m.step) over
                           (partition by m.n order by m.r, m.k rows between unbounded preceding and current row)) %% 3],
                       c.created_at + m.r * (%3$s - c.created_at), c.owner
                from bench_move m join bench_contact c on c.n = m.n""",
                """
                update contact k set engagement_level = x.to_level
                from (select distinct on (contact_id) contact_id, to_level from level_change where team_id = %2$s
                      order by contact_id, changed_at desc, id desc) x
                where k.id = x.contact_id and k.engagement_level <> x.to_level""",
                // conversations over the last two years; older contacts get more of them; 70% by
                // the contact's owner; 80% for a work
                """
                insert into conversation (id, team_id, contact_id, organizer_id, work_id, occurred_at, duration_minutes,
                                          channel, created_at, updated_at)
                select md5('v%1$s:' || k)::uuid, %2$s, md5('c%1$s:' || n)::uuid,
                       md5('o%1$s:' || case when r1 < 0.7 then 1 + n %% 20 else 1 + floor(r2 * 20)::int end)::uuid,
                       case when r3 < 0.8 then md5('w%1$s:' || (1 + floor(r3 / 0.08)::int))::uuid end,
                       %3$s - r4 * interval '730 days', 5 + floor(r5 * 86)::int,
                       (array['in-person', 'house-visit', 'phone', 'video', 'text', 'at-action'])[1 + floor(r6 * 6)::int],
                       %3$s, %3$s
                from (select k, 1 + floor(100000 * power(random(), 1.5))::int as n, random() as r1, random() as r2,
                             random() as r3, random() as r4, random() as r5, random() as r6
                      from generate_series(1, 1000000) k) x""",
                """
                update contact k set last_conversation_at = x.at
                from (select contact_id, max(occurred_at) as at from conversation where team_id = %2$s group by contact_id) x
                where k.id = x.contact_id""",
                // actions, one or two organizers present, 0-30 attendees, 15% of them first-timers
                """
                insert into action (id, team_id, work_id, title, kind, starts_at, duration_minutes, created_by)
                select md5('a%1$s:' || k)::uuid, %2$s,
                       case when r1 < 0.7 then md5('w%1$s:' || (1 + floor(r1 / 0.07)::int))::uuid end,
                       'Bench action ' || k, (array['picket', 'march', 'meeting', 'rally', 'training'])[1 + k %% 5],
                       %3$s - r2 * interval '730 days', 60 + floor(r3 * 120)::int, md5('o%1$s:' || (1 + k %% 20))::uuid
                from (select k, random() as r1, random() as r2, random() as r3 from generate_series(1, 3000) k) x""",
                """
                insert into action_organizer (action_id, organizer_id, team_id)
                select md5('a%1$s:' || k)::uuid, md5('o%1$s:' || (1 + k %% 20))::uuid, %2$s from generate_series(1, 3000) k
                union all
                select md5('a%1$s:' || k)::uuid, md5('o%1$s:' || (1 + (k + 7) %% 20))::uuid, %2$s
                from generate_series(3, 3000, 3) k""",
                """
                insert into attendance (id, team_id, action_id, contact_id, first_time, recorded_by)
                select md5('t%1$s:' || a.k || ':' || j)::uuid, %2$s, md5('a%1$s:' || a.k)::uuid,
                       md5('c%1$s:' || (1 + floor(random() * 100000)::int))::uuid, random() < 0.15,
                       md5('o%1$s:' || (1 + a.k %% 20))::uuid
                from generate_series(1, 3000) a(k) cross join lateral generate_series(1, (a.k * 7919) %% 31) j
                on conflict (action_id, contact_id) do nothing""",
                // follow-ups: 30% still open, due over the last 200 days
                """
                insert into follow_up (id, team_id, contact_id, assignee_id, due_on, reason, status, closed_at,
                                       created_by, created_at, updated_at)
                select md5('f%1$s:' || k)::uuid, %2$s, md5('c%1$s:' || n)::uuid, md5('o%1$s:' || (1 + n %% 20))::uuid,
                       cast(%3$s - r1 * interval '200 days' as date), 'next-step',
                       case when r2 < 0.3 then 'open' else 'done' end,
                       case when r2 < 0.3 then null else %3$s - r1 * interval '190 days' end,
                       md5('o%1$s:' || (1 + n %% 20))::uuid, %3$s - r1 * interval '210 days', %3$s
                from (select k, 1 + floor(random() * 100000)::int as n, random() as r1, random() as r2
                      from generate_series(1, 20000) k) x
                where not exists (select 1 from contact c where c.id = md5('c%1$s:' || x.n)::uuid and c.erased_at is not null)""",
                // ties, about three per person, within an organization: everyone listens to someone of
                // their organization (skewed, so a few have hundreds of listeners), and two close ties
                """
                insert into tie (id, team_id, contact_id, other_contact_id, kind)
                select md5('ti%1$s:' || a.n)::uuid, %2$s, a.id, b.id, 'listens-to'
                from (select n, id, e, (n %% 20) + 20 * (1 + floor(4999 * power(random(), 3))::int) as m
                      from bench_contact) a
                join bench_contact b on b.n = a.m
                where a.m <> a.n and a.e >= 0.01 and b.e >= 0.01""",
                """
                insert into tie (id, team_id, contact_id, other_contact_id, kind)
                select md5('tc%1$s:' || a.n || ':' || d)::uuid, %2$s, least(a.id, b.id), greatest(a.id, b.id), 'close'
                from bench_contact a cross join (values (20), (40)) k(d)
                join bench_contact b on b.n = a.n + k.d
                where a.e >= 0.01 and b.e >= 0.01""",
                "drop table bench_contact",
                "drop table bench_move",
                "vacuum analyze organizer, work, organization, unit, tie, contact, level_change, conversation, action, action_organizer, attendance, follow_up");
        try (Connection c = AllTeams.connection(ds)) {
            c.setAutoCommit(true);
            try (Statement st = c.createStatement()) {
                for (String step : steps) {
                    long t0 = System.nanoTime();
                    st.execute(step.contains("%") ? String.format(step, s, t, anchor) : step);
                    System.out.printf("  %6d ms  %s%n", (System.nanoTime() - t0) / 1_000_000,
                            step.strip().lines().findFirst().orElse(""));
                }
            }
        }
    }

    private static UUID md5(String text) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("MD5").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return UUID.fromString(java.util.HexFormat.of().formatHex(d)
                    .replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5"));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
