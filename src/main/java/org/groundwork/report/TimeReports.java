package org.groundwork.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.groundwork.contact.Level;
import org.groundwork.contact.Position;
import org.groundwork.organizer.Team;
import org.groundwork.platform.Word;
import org.groundwork.report.ReportJson.PersonMinutes;
import org.groundwork.report.ReportJson.TimeReport;
import org.groundwork.report.ReportJson.UnitMinutes;
import org.groundwork.report.ReportJson.WeekMinutes;
import org.groundwork.report.ReportJson.WorkMinutes;
import org.groundwork.report.ReportService.Scope;
import org.groundwork.work.Focus;
import org.groundwork.work.Work;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.groundwork.report.Rows.date;
import static org.groundwork.report.Rows.minutes;
import static org.groundwork.report.Rows.uuid;

/**
 * The time report: one SQL statement aggregates every figure (grouping sets over the daily
 * conversation summary and the period's action shares), a second reads the works it names.
 * Levels come from level_at_time, kept on each conversation and attendance row by triggers
 * (V3_1), and the conversations' minutes per organizer, day, work, level and position from
 * conversation_day, kept by triggers too (V6_1), so no history lookup or contact join per row.
 */
@ApplicationScoped
class TimeReports {

    // the words of the enums, in their order (the report's keys and the charts' order)
    static final List<String> LEVELS = java.util.Arrays.stream(Level.values()).map(Level::word).toList();
    static final List<String> POSITIONS = java.util.Arrays.stream(Position.values()).map(Position::word).toList();
    static final String UNRECORDED = "unrecorded";

    // grouping(level, position, grp, work_id, week): a bit is set for each column the row is
    // NOT grouped by; the people rows are 200, the first-timer minutes 300
    private static final int TOTAL = 31;
    private static final int BY_LEVEL = 15;
    private static final int BY_POSITION = 23;
    private static final int BY_KIND = 27;
    private static final int WORK_LEVEL = 13;
    private static final int WORK_POSITION = 21;
    private static final int WEEK_LEVEL = 14;
    private static final int PERSON = 200;
    private static final int FIRST_TIMERS = 300;

    @Inject
    EntityManager em;

    TimeReport report(Team team, Period period, Scope scope, Work work) {
        roomToHash();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query("", team, period, scope, work).getResultList();
        TimeReport report = assemble(team, rows, period, scope, work);
        return new TimeReport(report.from(), report.to(), report.organizer(), report.workId(), report.totalMinutes(),
                report.byLevel(), report.byPosition(), report.byKind(), report.firstTimerMinutes(), report.people(),
                report.peopleCount(), report.works(), report.weeks(), report.summary(), byUnit(team, period, scope, work));
    }

    /**
     * Minutes by level at the time only (Today's glance): the report's own statement, of which
     * only the by-level rows are read; no works, people names or units.
     */
    Map<String, Double> byLevel(Team team, Period period, Scope scope) {
        roomToHash();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query("", team, period, scope, null).getResultList();
        Map<String, Double> byLevel = levels();
        for (Object[] r : rows) {
            if (((Number) r[0]).intValue() == BY_LEVEL) {
                byLevel.put((String) r[1], minutes(r[9]));
            }
        }
        return byLevel;
    }

    /**
     * Minutes and people by organization and unit, in one statement of its own (the figures of
     * the main statement stay exactly as they were): the period's encounters by the same rules
     * (a conversation's minutes to its contact; an action's, per organizer present in scope, split
     * over its attendees), summed per contact, then per the unit each contact sits in now.
     */
    List<UnitMinutes> byUnit(Team team, Period period, Scope scope, Work work) {
        Query q = unitQuery("", team, period, scope, work);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        List<UnitMinutes> units = new ArrayList<>();
        for (Object[] r : rows) {
            String name = r[3] == null ? null : r[4] == null ? (String) r[3] : r[4] + " · " + r[3];
            units.add(new UnitMinutes(uuid(r[0]), (String) r[1], uuid(r[2]), name, ((Number) r[5]).longValue(),
                    Rows.round(minutes(r[6]))));
        }
        return units;
    }

    Query unitQuery(String prefix, Team team, Period period, Scope scope, Work work) {
        String organizerFilter = scope.team() ? "" : " and c.organizer_id = :org";
        String presentFilter = scope.team() ? "" : " and ao.organizer_id = :org";
        String workConversation = work == null ? "" : " and c.work_id = :work";
        String workAction = work == null ? "" : " and a.work_id = :work";
        String sql = """
                with enc as (
                  select c.contact_id, cast(c.duration_minutes as float8) as minutes
                  from conversation c
                  where c.team_id = :team and c.occurred_at >= :start and c.occurred_at < :end""" + organizerFilter + workConversation + """

                  union all
                  select att.contact_id,
                         cast(a.duration_minutes * p.present as float8) / count(*) over (partition by a.id)
                  from action a
                  cross join lateral (select count(*) as present from action_organizer ao
                                      where ao.action_id = a.id and ao.team_id = a.team_id""" + presentFilter + """
                  ) p
                  join attendance att on att.action_id = a.id and att.team_id = a.team_id
                  where a.team_id = :team and a.starts_at >= :start and a.starts_at < :end and p.present > 0""" + workAction + """

                ), per_contact as (
                  select contact_id, sum(minutes) as minutes from enc group by contact_id
                ), minutes as (
                  -- the zero id stands for "none" so the slots below join by hash, not "is not distinct from"
                  select coalesce(k.organization_id, cast('00000000-0000-0000-0000-000000000000' as uuid)) as organization_id,
                         coalesce(k.unit_id, cast('00000000-0000-0000-0000-000000000000' as uuid)) as unit_id,
                         sum(pc.minutes) as minutes
                  from per_contact pc join contact k on k.id = pc.contact_id and k.team_id = :team
                  group by 1, 2
                ), people as (
                  -- live people where they sit now: an index-only scan of contact_organization_idx
                  select coalesce(k.organization_id, cast('00000000-0000-0000-0000-000000000000' as uuid)) as organization_id,
                         coalesce(k.unit_id, cast('00000000-0000-0000-0000-000000000000' as uuid)) as unit_id,
                         count(*) as people
                  from contact k
                  where k.team_id = :team and k.erased_at is null
                  group by 1, 2
                ), placed as (
                  select coalesce(m.organization_id, p.organization_id) as organization_id,
                         coalesce(m.unit_id, p.unit_id) as unit_id, p.people, m.minutes
                  from minutes m full join people p on p.organization_id = m.organization_id and p.unit_id = m.unit_id
                ), slots as (
                  select u.organization_id, u.id as unit_id from unit u where u.team_id = :team
                  union all
                  select o.id, cast('00000000-0000-0000-0000-000000000000' as uuid) from organization o where o.team_id = :team
                  union all
                  select cast('00000000-0000-0000-0000-000000000000' as uuid), cast('00000000-0000-0000-0000-000000000000' as uuid)
                )
                select nullif(s.organization_id, cast('00000000-0000-0000-0000-000000000000' as uuid)), o.name,
                       nullif(s.unit_id, cast('00000000-0000-0000-0000-000000000000' as uuid)), u.name, pu.name,
                       coalesce(p.people, 0), coalesce(p.minutes, 0)
                from slots s
                left join placed p on p.organization_id = s.organization_id and p.unit_id = s.unit_id
                left join organization o on o.id = s.organization_id and o.team_id = :team
                left join unit u on u.id = s.unit_id and u.team_id = :team
                left join unit pu on pu.id = u.parent_id and pu.team_id = :team
                where u.id is not null or coalesce(p.people, 0) > 0 or coalesce(p.minutes, 0) > 0
                order by o.name is null, lower(o.name), o.id, u.id is null,
                         coalesce(pu.position, u.position), lower(coalesce(pu.name, u.name)), coalesce(pu.id, u.id),
                         u.parent_id is not null, u.position, lower(u.name)""";
        Query q = em.createNativeQuery(prefix + sql)
                .setParameter("team", team.id)
                .setParameter("start", period.start())
                .setParameter("end", period.end());
        if (!scope.team()) {
            q.setParameter("org", scope.organizerId());
        }
        if (work != null) {
            q.setParameter("work", work.id);
        }
        return q;
    }

    /**
     * The planner cannot tell how many groups a week of a date makes, and with the default 4 MB
     * sorts tens of thousands of rows where hashing them into the few thousand real groups costs
     * a fraction of that. More memory for this transaction only (SET LOCAL) lets it hash.
     * PostgreSQL's generic plan is good since the first-timers are found by period (it used to
     * sort a team's 120,000 conversations, so every call was planned anew: 7-10 ms each).
     */
    void roomToHash() {
        em.createNativeQuery("set local work_mem = '16MB'").executeUpdate();
    }

    /**
     * The one statement; prefix "explain (analyze)" lets the benchmark show its plan. The
     * conversations' figures are summed from the daily summary (conversation_day, V6_1), the
     * action shares from the actions, into a few thousand (level, position, kind, work, week)
     * groups, from which grouping sets roll up every figure; a second pass sums minutes per
     * person over the encounters themselves, and only the people listed have their names read.
     */
    Query query(String prefix, Team team, Period period, Scope scope, Work work) {
        String organizerFilter = scope.team() ? "" : " and c.organizer_id = :org";
        String dayOrganizerFilter = scope.team() ? "" : " and d.organizer_id = :org";
        String presentFilter = scope.team() ? "" : " and ao.organizer_id = :org";
        String workConversation = work == null ? "" : " and c.work_id = :work";
        String workDay = work == null ? "" : " and d.work_id = :work";
        String workAction = work == null ? "" : " and a.work_id = :work";
        // Encounters: a conversation's minutes go to its contact; an action's minutes, for each
        // organizer present (in scope), are split evenly over its attendees, or go to no one
        // (contact null: "unrecorded") when nobody is recorded. First-timer minutes: with a
        // contact from their first action to the end of the heat window's last day after it.
        // Minutes are float8: summing 100,000 rows in numeric costs several times more, and the
        // figures are rounded to two decimals anyway.
        String sql = """
                with first_action as (
                  -- first-timers whose heat window can meet the period: a first-time attendance at
                  -- an action from the heat window (and a day for the zone) before the period to its
                  -- end, with no first-time attendance before it (the team's other thousands of
                  -- first-timers are never read)
                  select att.contact_id, min(a.starts_at) as first_at
                  from action a
                  join attendance att on att.action_id = a.id and att.team_id = a.team_id and att.first_time
                  where a.team_id = :team and a.starts_at < :end
                    and a.starts_at >= cast(:start as timestamptz) - make_interval(days => :heat + 2)
                    and not exists (select from attendance e join action b on b.id = e.action_id and b.team_id = e.team_id
                                    where e.team_id = :team and e.contact_id = att.contact_id and e.first_time
                                      and b.starts_at < a.starts_at)
                  group by att.contact_id
                ), heat as materialized (
                  select h.* from (
                    select f.contact_id, f.first_at,
                           cast(cast(f.first_at at time zone :tz as date) + :heat + 1 as timestamp) at time zone :tz as heat_end
                    from first_action f) h
                  where h.first_at < :end and h.heat_end > :start
                ), conv as not materialized (
                  -- the conversations themselves, for the people list only
                  select c.contact_id, c.duration_minutes as minutes
                  from conversation c
                  where c.team_id = :team and c.occurred_at >= :start and c.occurred_at < :end""" + organizerFilter + workConversation + """

                ), act as materialized (
                  -- a few thousand rows, read twice (figures and people): computed once
                  select att.contact_id, a.work_id, a.starts_at as at,
                         cast(a.duration_minutes * p.present as float8) / count(*) over (partition by a.id) as minutes,
                         att.level_at_time as level, att.position
                  from action a
                  cross join lateral (select count(*) as present from action_organizer ao
                                      where ao.action_id = a.id and ao.team_id = a.team_id""" + presentFilter + """
                  ) p
                  -- offset 0 keeps this a per-action index lookup rather than a scan of all attendance
                  left join lateral (select t.contact_id, t.level_at_time, t.position from attendance t
                                     where t.action_id = a.id and t.team_id = a.team_id offset 0) att on true
                  where a.team_id = :team and a.starts_at >= :start and a.starts_at < :end and p.present > 0""" + workAction + """

                ), fine as (
                  -- conversations: the daily summary's rows for the period's local dates, which
                  -- carry level and position already (tens of thousands of rows, no join); the
                  -- week's Monday in date arithmetic (2000-01-03 was a Monday) is the same as
                  -- date_trunc('week', day), which costs a third of this step on 77,000 rows
                  select d.level, d.position, false as grp, d.work_id,
                         d.day - ((d.day - date '2000-01-03') % 7 + 7) % 7 as week,
                         sum(cast(d.minutes as float8)) as minutes
                  from conversation_day d
                  where d.team_id = :team and d.day >= :from and d.day <= :to""" + dayOrganizerFilter + workDay + """

                  group by 1, 2, 3, 4, 5
                  union all
                  -- action shares, a few thousand: the position is kept on the attendance (V18_4),
                  -- no lookup into contact
                  select coalesce(e.level, 'unrecorded'), coalesce(e.position, 'unrecorded'), true, e.work_id,
                         cast(date_trunc('week', e.at at time zone :tz) as date), sum(e.minutes)
                  from act e
                  group by 1, 2, 3, 4, 5
                ), heat_minutes as (
                  -- first-timers are few: their minutes are looked up by contact rather than
                  -- joined against every encounter (the same rules as conv and act, per first-timer)
                  select cast(c.duration_minutes as float8) as minutes
                  from heat h join conversation c on c.contact_id = h.contact_id and c.team_id = :team
                  where c.occurred_at >= h.first_at and c.occurred_at < h.heat_end
                    and c.occurred_at >= :start and c.occurred_at < :end""" + organizerFilter + workConversation + """

                  union all
                  select cast(a.duration_minutes * p.present as float8) / n.attendees
                  from heat h join attendance t on t.contact_id = h.contact_id and t.team_id = :team
                  join action a on a.id = t.action_id and a.team_id = t.team_id
                  cross join lateral (select count(*) as present from action_organizer ao
                                      where ao.action_id = a.id and ao.team_id = a.team_id""" + presentFilter + """
                  ) p
                  cross join lateral (select count(*) as attendees from attendance x where x.action_id = a.id) n
                  where a.starts_at >= h.first_at and a.starts_at < h.heat_end
                    and a.starts_at >= :start and a.starts_at < :end and p.present > 0""" + workAction + """

                ), people as (
                  select contact_id, sum(minutes) as minutes
                  from (select contact_id, cast(minutes as float8) as minutes from conv
                        union all
                        select contact_id, minutes from act where contact_id is not null) e
                  group by contact_id
                ), top as (
                  select contact_id, minutes, count(*) over () as people from people
                  order by minutes desc, contact_id limit :people
                )
                select grouping(level, position, grp, work_id, week) as g, level, position, grp, work_id, week,
                       cast(null as uuid) as contact_id, cast(null as text) as full_name, cast(null as boolean) as erased,
                       sum(minutes) as minutes, cast(null as float8) as extra
                from fine
                group by grouping sets ((), (level), (position), (grp), (work_id, level), (work_id, position), (week, level))
                union all
                select 300, null, null, null, null, null, null, null, null, sum(minutes), null from heat_minutes
                union all
                select 200, null, null, null, null, null, p.contact_id, k.full_name, k.erased_at is not null,
                       p.minutes, p.people
                from top p left join contact k on k.id = p.contact_id and k.team_id = :team""";
        Query q = em.createNativeQuery(prefix + sql)
                .setParameter("team", team.id)
                .setParameter("tz", team.timeZone)
                .setParameter("heat", team.heatWindowDays)
                .setParameter("start", period.start())
                .setParameter("end", period.end())
                .setParameter("from", period.from())
                .setParameter("to", period.to())
                .setParameter("people", ReportService.PEOPLE_MAX);
        if (!scope.team()) {
            q.setParameter("org", scope.organizerId());
        }
        if (work != null) {
            q.setParameter("work", work.id);
        }
        return q;
    }

    private TimeReport assemble(Team team, List<Object[]> rows, Period period, Scope scope, Work work) {
        double total = 0;
        double firstTimer = 0;
        Map<String, Double> byLevel = levels();
        Map<String, Double> byPosition = positions();
        Map<String, Double> byKind = new LinkedHashMap<>();
        byKind.put("one-to-one", 0.0);
        byKind.put("group", 0.0);
        List<PersonMinutes> people = new ArrayList<>();
        int peopleCount = 0;
        Map<UUID, Map<String, Double>> workLevels = new LinkedHashMap<>();
        Map<UUID, Map<String, Double>> workPositions = new HashMap<>();
        Map<LocalDate, Map<String, Double>> weeks = new HashMap<>();
        if (work != null) {
            workLevels.put(work.id, levels());
            workPositions.put(work.id, positions());
        }
        for (Object[] r : rows) {
            int g = ((Number) r[0]).intValue();
            String level = (String) r[1];
            double m = minutes(r[9]);
            switch (g) {
                case TOTAL -> total = m;
                case FIRST_TIMERS -> firstTimer = m;
                case BY_LEVEL -> byLevel.put(level, m);
                case BY_POSITION -> byPosition.put((String) r[2], m);
                case BY_KIND -> byKind.put(Boolean.TRUE.equals(r[3]) ? "group" : "one-to-one", m);
                case WORK_LEVEL -> workLevels.computeIfAbsent(uuid(r[4]), k -> levels()).put(level, m);
                case WORK_POSITION -> workPositions.computeIfAbsent(uuid(r[4]), k -> positions()).put((String) r[2], m);
                case WEEK_LEVEL -> weeks.computeIfAbsent(date(r[5]), k -> levels()).put(level, m);
                case PERSON -> {
                    peopleCount = ((Number) r[10]).intValue();
                    people.add(new PersonMinutes(uuid(r[6]), (String) r[7], Boolean.TRUE.equals(r[8]), m));
                }
                default -> throw new IllegalStateException("unexpected grouping " + g);
            }
        }
        // most minutes first; equal minutes by name (deleted contacts last), then id
        people.sort(Comparator.comparingDouble(PersonMinutes::minutes).reversed()
                .thenComparing(PersonMinutes::fullName, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(PersonMinutes::contactId));
        List<WorkMinutes> works = works(team, workLevels, workPositions);
        return new TimeReport(period.from(), period.to(), scope.word(), work == null ? null : work.id,
                total, byLevel, byPosition, byKind, firstTimer, people, peopleCount,
                works, weeks(period, weeks),
                Summaries.time(period, scope, work, total, byLevel, byPosition, Summaries.api()), List.of());
    }

    /** The works named by the figures, with what they are for; most minutes first, no-work last. */
    private List<WorkMinutes> works(Team team, Map<UUID, Map<String, Double>> levels,
                                    Map<UUID, Map<String, Double>> positions) {
        List<UUID> ids = levels.keySet().stream().filter(java.util.Objects::nonNull).toList();
        Map<UUID, Work> named = new HashMap<>();
        if (!ids.isEmpty()) {
            // the ids come from the team's own rows; the team is named anyway, as in every query
            em.createQuery("select w from Work w where w.id in :ids and w.teamId = :team", Work.class)
                    .setParameter("ids", ids)
                    .setParameter("team", team.id)
                    .getResultList().forEach(w -> named.put(w.id, w));
        }
        List<WorkMinutes> works = new ArrayList<>();
        levels.forEach((id, byLevel) -> {
            Map<String, Double> byPosition = positions.getOrDefault(id, positions());
            double total = byLevel.values().stream().mapToDouble(Double::doubleValue).sum();
            String dominant = dominant(byLevel);
            Work w = id == null ? null : named.get(id);
            works.add(new WorkMinutes(id, w == null ? null : w.name, w == null ? null : w.focus.word(),
                    w == null ? null : w.mode.word(), w == null ? null : w.justification,
                    Rows.round(total), byLevel, byPosition, dominant,
                    w == null || dominant == null ? null : matches(w.focus.word(), dominant)));
        });
        works.sort((a, b) -> {
            if ((a.workId() == null) != (b.workId() == null)) {
                return a.workId() == null ? 1 : -1;
            }
            int byMinutes = Double.compare(b.totalMinutes(), a.totalMinutes());
            return byMinutes != 0 ? byMinutes : String.valueOf(a.name()).compareTo(String.valueOf(b.name()));
        });
        return works;
    }

    /** The level with most minutes; ties go to the earlier level (new, less-involved, cadre). */
    static String dominant(Map<String, Double> byLevel) {
        String best = null;
        double most = 0;
        for (String level : LEVELS) {
            double m = byLevel.getOrDefault(level, 0.0);
            if (m > most) {
                best = level;
                most = m;
            }
        }
        return best;
    }

    /** Whether the level that took most of a work's time is the one its focus aims at. */
    static boolean matches(String focus, String level) {
        Focus f = Word.parse(Focus.class, focus, "focus");
        // exhaustive: a new focus does not compile until it names its level
        Level aimed = switch (f) {
            case BRING_IN_NEW -> Level.NEW;
            case DEEPEN_INVOLVEMENT -> Level.LESS_INVOLVED;
            case WORK_WITH_CADRE -> Level.CADRE;
        };
        return aimed.word().equals(level);
    }

    /** Every week the period touches, empty ones too, so a chart's weeks line up. */
    private static List<WeekMinutes> weeks(Period period, Map<LocalDate, Map<String, Double>> found) {
        List<WeekMinutes> weeks = new ArrayList<>();
        LocalDate week = period.from().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        for (; !week.isAfter(period.to()); week = week.plusWeeks(1)) {
            weeks.add(new WeekMinutes(week, found.getOrDefault(week, levels())));
        }
        return weeks;
    }

    static Map<String, Double> levels() {
        Map<String, Double> m = new LinkedHashMap<>();
        LEVELS.forEach(l -> m.put(l, 0.0));
        m.put(UNRECORDED, 0.0);
        return m;
    }

    static Map<String, Double> positions() {
        Map<String, Double> m = new LinkedHashMap<>();
        POSITIONS.forEach(p -> m.put(p, 0.0));
        m.put(UNRECORDED, 0.0);
        return m;
    }
}
