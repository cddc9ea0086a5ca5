package org.groundwork.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.groundwork.organizer.Team;
import org.groundwork.report.ReportJson.FollowUps;
import org.groundwork.report.ReportJson.MovementReport;
import org.groundwork.report.ReportJson.Person;
import org.groundwork.report.ReportJson.Timeliness;
import org.groundwork.report.ReportJson.Transition;
import org.groundwork.report.ReportService.Scope;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.groundwork.report.Rows.count;
import static org.groundwork.report.Rows.uuid;

/**
 * The movement report, in three statements: level transitions, first-timers' follow-up
 * timeliness, and the follow-up and cooling counts. An organizer's report is about the
 * contacts they own and the follow-ups assigned to them.
 */
@ApplicationScoped
class MovementReports {

    @Inject
    EntityManager em;

    MovementReport report(Team team, Period period, Scope scope) {
        List<Transition> transitions = transitions(team, period, scope);
        Timeliness timeliness = timeliness(team, period, scope);
        Instant now = Instant.now();
        Instant asOf = period.end().isBefore(now) ? period.end() : now;
        LocalDate today = LocalDate.now(team.zone());
        LocalDate asOfDate = period.to().isBefore(today) ? period.to() : today;
        Object[] counts = counts(team, scope, asOf, asOfDate, now.minus(team.coolingDays, ChronoUnit.DAYS));
        int overdue = count(counts[1]);
        int cooling = count(counts[2]);
        return new MovementReport(period.from(), period.to(), scope.word(), transitions, timeliness,
                new FollowUps(asOfDate, count(counts[0]), overdue), cooling,
                Summaries.movement(period, scope, transitions, timeliness, overdue, cooling, Summaries.api()));
    }

    /**
     * Every from→to pair (zeros too), with the number of changes, of people, and the people
     * most recently moved. Creation rows (no from level) are not movement.
     */
    private List<Transition> transitions(Team team, Period period, Scope scope) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = transitionsQuery("", team, period, scope).getResultList();
        return transitions(rows);
    }

    Query transitionsQuery(String prefix, Team team, Period period, Scope scope) {
        // names are read only for the people listed (at most 100 a pair), by id, not for every
        // change: the planner cannot foresee the rank cut, so a plain join hashed every contact
        String sql = """
                select y.from_level, y.to_level, y.contact_id, k.full_name, k.erased, y.changes, y.people
                from (select * from (select x.*, sum(x.n) over w as changes, count(*) over w as people,
                             row_number() over (partition by x.from_level, x.to_level
                                                order by x.last_at desc, x.contact_id) as rank
                      from (select l.from_level, l.to_level, l.contact_id, count(*) as n, max(l.changed_at) as last_at
                            from level_change l""" + (scope.team() ? ""
                : " join contact o on o.id = l.contact_id and o.team_id = l.team_id and o.owner_id = :org") + """

                            where l.team_id = :team and l.changed_at >= :start and l.changed_at < :end
                              and l.from_level is not null
                            group by l.from_level, l.to_level, l.contact_id) x
                      window w as (partition by x.from_level, x.to_level)) ranked
                      where ranked.rank <= :max offset 0) y
                left join lateral (select c.full_name, c.erased_at is not null as erased from contact c
                                   where c.id = y.contact_id and c.team_id = :team offset 0) k on true
                order by y.from_level, y.to_level, y.rank""";
        Query q = em.createNativeQuery(prefix + sql)
                .setParameter("team", team.id)
                .setParameter("start", period.start())
                .setParameter("end", period.end())
                .setParameter("max", ReportService.TRANSITION_PEOPLE_MAX);
        if (!scope.team()) {
            q.setParameter("org", scope.organizerId());
        }
        return q;
    }

    private static List<Transition> transitions(List<Object[]> rows) {
        Map<String, Object[]> totals = new LinkedHashMap<>();
        Map<String, List<Person>> people = new LinkedHashMap<>();
        for (Object[] r : rows) {
            String key = r[0] + ">" + r[1];
            totals.put(key, new Object[]{r[5], r[6]});
            people.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(new Person(uuid(r[2]), (String) r[3], Boolean.TRUE.equals(r[4])));
        }
        List<Transition> transitions = new ArrayList<>();
        for (String from : TimeReports.LEVELS) {
            for (String to : TimeReports.LEVELS) {
                if (from.equals(to)) {
                    continue;
                }
                String key = from + ">" + to;
                Object[] t = totals.get(key);
                transitions.add(new Transition(from, to, t == null ? 0 : count(t[0]), t == null ? 0 : count(t[1]),
                        people.getOrDefault(key, List.of())));
            }
        }
        return transitions;
    }

    /**
     * First-timers whose first action (the earliest one attended as a first-timer) started in
     * the period; whether anyone in the team talked with them from the action's start to the
     * end of the heat window's last day; and the median hours until that first conversation.
     */
    private Timeliness timeliness(Team team, Period period, Scope scope) {
        Object[] r = (Object[]) timelinessQuery("", team, period, scope).getSingleResult();
        Double median = r[2] == null ? null : Rows.round(((Number) r[2]).doubleValue());
        return new Timeliness(count(r[0]), count(r[1]), median);
    }

    Query timelinessQuery(String prefix, Team team, Period period, Scope scope) {
        String sql = """
                with first_action as (
                  select att.contact_id, min(a.starts_at) as first_at
                  from attendance att join action a on a.id = att.action_id and a.team_id = att.team_id
                  where att.team_id = :team and att.first_time
                  group by att.contact_id
                ), first_timers as (
                  select f.contact_id, f.first_at,
                         cast(cast(f.first_at at time zone :tz as date) + :heat + 1 as timestamp) at time zone :tz as heat_end
                  from first_action f join contact k on k.id = f.contact_id and k.team_id = :team
                  where f.first_at >= :start and f.first_at < :end""" + (scope.team() ? "" : " and k.owner_id = :org") + """

                )
                select count(*), count(c.at),
                       percentile_cont(0.5) within group (order by extract(epoch from c.at - t.first_at) / 3600)
                from first_timers t
                cross join lateral (select min(cv.occurred_at) as at from conversation cv
                                    where cv.contact_id = t.contact_id and cv.team_id = :team
                                      and cv.occurred_at >= t.first_at and cv.occurred_at < t.heat_end) c""";
        Query q = em.createNativeQuery(prefix + sql)
                .setParameter("team", team.id)
                .setParameter("tz", team.timeZone)
                .setParameter("heat", team.heatWindowDays)
                .setParameter("start", period.start())
                .setParameter("end", period.end());
        if (!scope.team()) {
            q.setParameter("org", scope.organizerId());
        }
        return q;
    }

    /**
     * Open and overdue follow-ups at the end of the period (closed_at tells what was open then),
     * and the contacts cooling now, counted as the queue lists them. Erased and do-not-contact
     * people are left out, as in the queue.
     */
    private Object[] counts(Team team, Scope scope, Instant asOf, LocalDate asOfDate, Instant coolingCutoff) {
        return (Object[]) countsQuery("", team, scope, asOf, asOfDate, coolingCutoff).getSingleResult();
    }

    Query countsQuery(String prefix, Team team, Scope scope, Instant asOf, LocalDate asOfDate, Instant coolingCutoff) {
        String sql = """
                select count(*) filter (where f.due_on is not null),
                       count(*) filter (where f.due_on < :asOfDate),
                       (select count(*) from contact k
                        where k.team_id = :team and k.erased_at is null and not k.do_not_contact""" + (scope.team() ? "" : " and k.owner_id = :org") + """

                          and coalesce(k.last_conversation_at, k.created_at) < :cutoff
                          and not exists (select 1 from follow_up o where o.contact_id = k.id and o.status = 'open'))
                from follow_up f join contact c on c.id = f.contact_id and c.team_id = f.team_id
                where f.team_id = :team and f.created_at <= :asOf and (f.closed_at is null or f.closed_at > :asOf)
                  and c.erased_at is null and not c.do_not_contact""" + (scope.team() ? "" : " and f.assignee_id = :org");
        Query q = em.createNativeQuery(prefix + sql)
                .setParameter("team", team.id)
                .setParameter("asOf", asOf)
                .setParameter("asOfDate", asOfDate)
                .setParameter("cutoff", coolingCutoff);
        if (!scope.team()) {
            q.setParameter("org", scope.organizerId());
        }
        return q;
    }
}
