package org.groundwork.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.groundwork.organizer.Team;
import org.groundwork.report.ReportJson.FollowUps;
import org.groundwork.report.ReportJson.MovementReport;
import org.groundwork.report.ReportJson.Person;
import org.groundwork.report.ReportJson.Timeliness;
import org.groundwork.report.ReportJson.Transition;
import org.groundwork.report.ReportService.Scope;
import org.groundwork.report.ReportSql.Row;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.groundwork.report.Rows.count;
import static org.groundwork.report.Rows.uuid;

/**
 * The movement report, in three statements whose SQL lives in {@code report/movement-*.sql}
 * ({@link ReportSql}): level transitions, first-timers' follow-up timeliness, and the follow-up
 * and cooling counts, the team's on a second connection at the same time as the others
 * ({@link SecondConnection}). An organizer's report is about the contacts they own and the
 * follow-ups assigned to them.
 */
@ApplicationScoped
class MovementReports {

    @Inject
    EntityManager em;

    @Inject
    SecondConnection secondConnection;

    MovementReport report(Team team, Period period, Scope scope) {
        Instant now = Instant.now();
        Instant asOf = period.end().isBefore(now) ? period.end() : now;
        LocalDate today = LocalDate.now(team.zone());
        LocalDate asOfDate = period.to().isBefore(today) ? period.to() : today;
        Instant cutoff = now.minus(team.coolingDays, ChronoUnit.DAYS);
        // the team's counts (a pass over all its people: most of the report's time) on a second connection
        // while this one reads the transitions and the timeliness, when one is free; one organizer's take a
        // few milliseconds (Today's glance among them), not worth a second connection's lending
        List<String> countsStatement = List.of(countsStatement(scope));
        Map<String, Object> countsParameters = countsParameters(team, scope, asOf, asOfDate, cutoff);
        SecondConnection.Statements countsRunning = scope.team()
                ? secondConnection.start(team.id, countsStatement, holding(scope), countsParameters)
                : SecondConnection.inTurn(countsStatement, holding(scope), countsParameters);
        List<Transition> transitions = transitions(team, period, scope);
        Timeliness timeliness = timeliness(team, period, scope);
        Row counts = countsRunning.rows(em).get(0).get(0);
        int overdue = count(counts.get("overdue_follow_ups"));
        int cooling = count(counts.get("cooling"));
        return new MovementReport(period.from(), period.to(), scope.word(), transitions, timeliness,
                new FollowUps(asOfDate, count(counts.get("open_follow_ups")), overdue), cooling,
                Summaries.movement(period, scope, transitions, timeliness, overdue, cooling, Summaries.api(), LocalDate::toString));
    }

    /**
     * Every from→to pair (zeros too), with the number of changes, of people, and the people
     * most recently moved. Creation rows (no from level) are not movement.
     */
    private List<Transition> transitions(Team team, Period period, Scope scope) {
        List<Row> rows = transitionsQuery("", team, period, scope);
        return transitions(rows);
    }

    /**
     * movement-transitions-team.sql for the team (counts over level_move, V26_1), movement-
     * transitions.sql for one organizer (their few hundred changes, filtered by owner); prefix
     * "explain (analyze)" lets the benchmark show its plan.
     */
    List<Row> transitionsQuery(String prefix, Team team, Period period, Scope scope) {
        Map<String, Object> parameters = parameters(team, scope);
        parameters.put("start", period.start());
        parameters.put("end", period.end());
        parameters.put("max", ReportService.TRANSITION_PEOPLE_MAX);
        if (scope.team()) {
            // the latest changes read per pair to find its list's people: twice the list, as a
            // person rarely makes the same move twice in one period (if they hold fewer than
            // the list's people, the statement groups the pair's whole period instead)
            parameters.put("window", 2 * ReportService.TRANSITION_PEOPLE_MAX);
            return ReportSql.rows(em, prefix, "movement-transitions-team", holding(scope), parameters);
        }
        return ReportSql.rows(em, prefix, "movement-transitions", holding(scope), parameters);
    }

    private static List<Transition> transitions(List<Row> rows) {
        Map<String, Object[]> totals = new LinkedHashMap<>();
        Map<String, List<Person>> people = new LinkedHashMap<>();
        for (Row r : rows) {
            String key = r.get("from_level") + ">" + r.get("to_level");
            totals.put(key, new Object[]{r.get("changes"), r.get("people")});
            people.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(new Person(uuid(r.get("contact_id")), (String) r.get("full_name"),
                            Boolean.TRUE.equals(r.get("erased"))));
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
     * end of the heat window's last day; the median hours until that first conversation; and the others whose
     * window has not ended yet (still to be talked with in time, not missed).
     */
    private Timeliness timeliness(Team team, Period period, Scope scope) {
        Row r = timelinessQuery("", team, period, scope).get(0);
        Object median = r.get("median_hours");
        return new Timeliness(count(r.get("first_timers")), count(r.get("followed_up")), count(r.get("still_in_window")),
                median == null ? null : Rows.round(((Number) median).doubleValue()));
    }

    /** movement-timeliness.sql. */
    List<Row> timelinessQuery(String prefix, Team team, Period period, Scope scope) {
        Map<String, Object> parameters = parameters(team, scope);
        parameters.put("tz", team.timeZone);
        parameters.put("heat", team.heatWindowDays);
        parameters.put("start", period.start());
        parameters.put("end", period.end());
        return ReportSql.rows(em, prefix, "movement-timeliness", holding(scope), parameters);
    }

    /**
     * Open and overdue follow-ups at the end of the period (closed_at tells what was open then),
     * and the contacts cooling now, counted as the queue lists them. Erased and do-not-contact
     * people are left out, as in the queue. movement-counts-team.sql for the team (one pass over its
     * contacts), movement-counts.sql for one organizer.
     */
    private static String countsStatement(Scope scope) {
        return scope.team() ? "movement-counts-team" : "movement-counts";
    }

    private static Map<String, Object> countsParameters(Team team, Scope scope, Instant asOf, LocalDate asOfDate,
                                                        Instant coolingCutoff) {
        Map<String, Object> parameters = parameters(team, scope);
        parameters.put("asOf", asOf);
        parameters.put("asOfDate", asOfDate);
        parameters.put("cutoff", coolingCutoff);
        return parameters;
    }

    /** The counts' statement on the transaction's connection; prefix "explain (analyze)" lets the benchmark show its plan. */
    List<Row> countsQuery(String prefix, Team team, Scope scope, Instant asOf, LocalDate asOfDate, Instant coolingCutoff) {
        return ReportSql.rows(em, prefix, countsStatement(scope), holding(scope),
                countsParameters(team, scope, asOf, asOfDate, coolingCutoff));
    }

    /** An organizer's report is about the contacts they own and the follow-ups assigned to them. */
    private static Set<String> holding(Scope scope) {
        return Set.of(scope.team() ? "team" : "organizer");
    }

    private static Map<String, Object> parameters(Team team, Scope scope) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("team", team.id);
        if (!scope.team()) {
            parameters.put("org", scope.organizerId());
        }
        return parameters;
    }
}
