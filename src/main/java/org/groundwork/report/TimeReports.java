package org.groundwork.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.groundwork.organizer.Team;
import org.groundwork.report.ReportJson.PersonMinutes;
import org.groundwork.report.ReportJson.TimeReport;
import org.groundwork.report.ReportJson.WeekMinutes;
import org.groundwork.report.ReportJson.WorkMinutes;
import org.groundwork.report.ReportService.Scope;
import org.groundwork.work.Work;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.groundwork.report.Rows.date;
import static org.groundwork.report.Rows.minutes;
import static org.groundwork.report.Rows.uuid;

/**
 * The time report: one SQL statement aggregates every figure (grouping sets over the period's
 * encounters), a second reads the works it names. Levels come from level_at_time, kept on
 * each conversation and attendance row by triggers (V3_1), so no history lookup per row.
 */
@ApplicationScoped
class TimeReports {

    static final List<String> LEVELS = List.of("new", "less-involved", "cadre");
    static final List<String> POSITIONS = List.of("base", "officer", "staff", "ally", "political-group");
    static final String UNRECORDED = "unrecorded";

    // grouping(level, position, grp, work_id, week, contact_id): a bit is set for each column
    // the row is NOT grouped by
    private static final int TOTAL = 63;
    private static final int BY_LEVEL = 31;
    private static final int BY_POSITION = 47;
    private static final int BY_KIND = 55;
    private static final int WORK_LEVEL = 27;
    private static final int WORK_POSITION = 43;
    private static final int WEEK_LEVEL = 29;
    private static final int PERSON = 62;

    @Inject
    EntityManager em;

    TimeReport report(Team team, Period period, Scope scope, Work work) {
        String organizerFilter = scope.team() ? "" : " and c.organizer_id = :org";
        String presentFilter = scope.team() ? "" : " and ao.organizer_id = :org";
        String workConversation = work == null ? "" : " and c.work_id = :work";
        String workAction = work == null ? "" : " and a.work_id = :work";
        // Encounters: a conversation's minutes go to its contact; an action's minutes, for each
        // organizer present (in scope), are split evenly over its attendees, or go to no one
        // (contact null: "unrecorded") when nobody is recorded. First-timer minutes: with a
        // contact from their first action to the end of the heat window's last day after it.
        String sql = """
                with first_action as (
                  select att.contact_id, min(a.starts_at) as first_at
                  from attendance att join action a on a.id = att.action_id and a.team_id = att.team_id
                  where att.team_id = :team and att.first_time
                  group by att.contact_id
                ), heat as (
                  select h.* from (
                    select f.contact_id, f.first_at,
                           cast(cast(f.first_at at time zone :tz as date) + :heat + 1 as timestamp) at time zone :tz as heat_end
                    from first_action f) h
                  where h.first_at < :end and h.heat_end > :start
                ), enc as (
                  select c.contact_id, c.work_id, c.occurred_at as at, cast(c.duration_minutes as numeric) as minutes,
                         c.level_at_time as level, false as grp
                  from conversation c
                  where c.team_id = :team and c.occurred_at >= :start and c.occurred_at < :end""" + organizerFilter + workConversation + """

                  union all
                  select att.contact_id, a.work_id, a.starts_at,
                         cast(a.duration_minutes * p.present as numeric) / count(*) over (partition by a.id),
                         att.level_at_time, true
                  from action a
                  cross join lateral (select count(*) as present from action_organizer ao
                                      where ao.action_id = a.id and ao.team_id = a.team_id""" + presentFilter + """
                  ) p
                  left join attendance att on att.action_id = a.id and att.team_id = a.team_id
                  where a.team_id = :team and a.starts_at >= :start and a.starts_at < :end and p.present > 0""" + workAction + """

                ), rows as (
                  select e.minutes, coalesce(e.level, 'unrecorded') as level, coalesce(k.position, 'unrecorded') as position,
                         e.grp, e.work_id, cast(date_trunc('week', e.at at time zone :tz) as date) as week,
                         e.contact_id, k.full_name, k.erased_at is not null as erased,
                         case when e.at >= h.first_at and e.at < h.heat_end then e.minutes else 0 end as heat_minutes
                  from enc e
                  left join contact k on k.id = e.contact_id and k.team_id = :team
                  left join heat h on h.contact_id = e.contact_id
                ), agg as (
                  select grouping(level, position, grp, work_id, week, contact_id) as g,
                         level, position, grp, work_id, week, contact_id, full_name, erased,
                         sum(minutes) as minutes, sum(heat_minutes) as heat_minutes
                  from rows
                  group by grouping sets ((), (level), (position), (grp), (work_id, level), (work_id, position),
                                          (week, level), (contact_id, full_name, erased))
                )
                select g, level, position, grp, work_id, week, contact_id, full_name, erased, minutes, heat_minutes,
                       people
                from (select agg.*,
                             row_number() over (partition by g order by minutes desc, full_name, contact_id) as rank,
                             count(contact_id) over (partition by g) as people
                      from agg) x
                where g <> 62 or (contact_id is not null and rank <= :people)""";
        Query q = em.createNativeQuery(sql)
                .setParameter("team", team.id)
                .setParameter("tz", team.timeZone)
                .setParameter("heat", team.heatWindowDays)
                .setParameter("start", period.start())
                .setParameter("end", period.end())
                .setParameter("people", ReportService.PEOPLE_MAX + 1);
        if (!scope.team()) {
            q.setParameter("org", scope.organizerId());
        }
        if (work != null) {
            q.setParameter("work", work.id);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();

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
                case TOTAL -> {
                    total = m;
                    firstTimer = minutes(r[10]);
                }
                case BY_LEVEL -> byLevel.put(level, m);
                case BY_POSITION -> byPosition.put((String) r[2], m);
                case BY_KIND -> byKind.put(Boolean.TRUE.equals(r[3]) ? "group" : "one-to-one", m);
                case WORK_LEVEL -> workLevels.computeIfAbsent(uuid(r[4]), k -> levels()).put(level, m);
                case WORK_POSITION -> workPositions.computeIfAbsent(uuid(r[4]), k -> positions()).put((String) r[2], m);
                case WEEK_LEVEL -> weeks.computeIfAbsent(date(r[5]), k -> levels()).put(level, m);
                case PERSON -> {
                    peopleCount = ((Number) r[11]).intValue();
                    if (people.size() < ReportService.PEOPLE_MAX) {
                        people.add(new PersonMinutes(uuid(r[6]), (String) r[7], Boolean.TRUE.equals(r[8]), m));
                    }
                }
                default -> throw new IllegalStateException("unexpected grouping " + g);
            }
        }
        List<WorkMinutes> works = works(team, workLevels, workPositions);
        return new TimeReport(period.from(), period.to(), scope.word(), work == null ? null : work.id,
                total, byLevel, byPosition, byKind, firstTimer, people, peopleCount,
                works, weeks(period, weeks),
                Summaries.time(period, scope, work, total, byLevel, byPosition));
    }

    /** The works named by the figures, with what they are for; most minutes first, no-work last. */
    private List<WorkMinutes> works(Team team, Map<UUID, Map<String, Double>> levels,
                                    Map<UUID, Map<String, Double>> positions) {
        List<UUID> ids = levels.keySet().stream().filter(java.util.Objects::nonNull).toList();
        Map<UUID, Work> named = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("select w from Work w where w.teamId = :team and w.id in :ids", Work.class)
                    .setParameter("team", team.id).setParameter("ids", ids)
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

    static boolean matches(String focus, String level) {
        return switch (focus) {
            case "bring-in-new" -> level.equals("new");
            case "deepen-involvement" -> level.equals("less-involved");
            case "work-with-cadre" -> level.equals("cadre");
            default -> false;
        };
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
