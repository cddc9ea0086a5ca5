package org.groundwork.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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
import org.groundwork.report.ReportSql.Row;
import org.groundwork.report.TeamPlaces.Place;
import org.groundwork.work.Focus;
import org.groundwork.work.Work;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.groundwork.report.Rows.date;
import static org.groundwork.report.Rows.minutes;
import static org.groundwork.report.Rows.uuid;

/**
 * The time report, in two main statements whose SQL lives in {@code report/*.sql} ({@link ReportSql}):
 * the figures ({@code time-figures.sql}: the daily conversation summary and the period's action
 * shares, one row per figure named by its column "figure"; its work-level rows also name each
 * work and its aim) and the people and their places ({@code time-people.sql}: one pass over the
 * encounters for the people list and the minutes by unit; for the whole team, the two apart in
 * {@code time-persons.sql} and {@code time-places.sql}). The figures go in one round trip after
 * the transaction's room to hash ({@code time-work-mem.sql}), with two small ones: the version of
 * the team's places and the people in each place now, and for the whole team its places. Meanwhile
 * the people run on a second connection ({@link SecondConnection}), or after the figures when no
 * thread for that is free.
 * The places themselves, in their order and with their names, are read only when that version
 * changes ({@link TeamPlaces}). Levels come from level_at_time, kept on each conversation and
 * attendance row by triggers (V3_1), and the conversations' minutes per organizer, day, work,
 * level and position from conversation_day, kept by triggers too (V6_1); the whole team's from
 * team_day, the same minutes without the organizer (V28_4).
 */
@ApplicationScoped
class TimeReports {

    // the words of the enums, in their order (the report's keys and the charts' order)
    static final List<String> LEVELS = java.util.Arrays.stream(Level.values()).map(Level::word).toList();
    static final List<String> POSITIONS = java.util.Arrays.stream(Position.values()).map(Position::word).toList();
    static final String UNRECORDED = "unrecorded";
    /** The time report's two kinds of time; time-figures.sql names one-to-ones the same way. */
    static final String ONE_TO_ONE = "one-to-one";
    static final String GROUP = "group";
    /** The statement that gives the report's transaction room to hash (time-work-mem.sql). */
    private static final String ROOM_TO_HASH = "time-work-mem";

    @Inject
    EntityManager em;

    @Inject
    TeamPlaces teamPlaces;

    @Inject
    SecondConnection secondConnection;

    TimeReport report(Team team, Period period, Scope scope, Work work) {
        Set<String> holding = holding(scope, work);
        Map<String, Object> parameters = parameters(team, period, scope, work);
        // the people on a second connection while this one runs the figures, when one is free. One
        // organizer's people and places share a step and together take about as long as the
        // figures: one statement aside. The whole team's people alone take about as long as its
        // figures and places together: the places run here, after the figures (docs/reports.md,
        // "Two connections for one time report").
        boolean apart = scope.team();
        SecondConnection.Statements peopleAside = secondConnection.start(team.id,
                List.of(ROOM_TO_HASH, apart ? "time-persons" : "time-people"), holding, parameters);
        List<String> here = new ArrayList<>(List.of(ROOM_TO_HASH, "time-figures", "time-places-version", "time-headcount"));
        if (apart) {
            here.add("time-places");
        }
        List<List<Row>> each = ReportSql.rowsOfEach(em, here, holding, parameters);
        // the figures and the places are laid out while the people's statement may still run
        TimeReport figures = assemble(each.get(1), period, scope, work);
        long version = ((Number) each.get(2).get(0).get("version")).longValue();
        Map<Place, Long> headcount = new HashMap<>();
        for (Row r : each.get(3)) {
            headcount.put(place(r), ((Number) r.get("people")).longValue());
        }
        List<TeamPlaces.Named> places = teamPlaces.at(team.id, version);
        List<PersonMinutes> people = new ArrayList<>();
        int peopleCount = 0;
        Map<Place, Double> minutes = new HashMap<>();
        List<Row> lists = new ArrayList<>(apart ? each.get(4) : List.of());
        lists.addAll(peopleAside.rows(em).get(1));
        for (Row r : lists) {
            if ("person".equals(r.get("list"))) {
                peopleCount = ((Number) r.get("people")).intValue();
                people.add(new PersonMinutes(uuid(r.get("contact_id")), (String) r.get("full_name"),
                        Boolean.TRUE.equals(r.get("erased")), minutes(r.get("minutes"))));
            } else {
                minutes.put(place(r), ((Number) r.get("minutes")).doubleValue());
            }
        }
        // most minutes first; equal minutes by name (deleted contacts last), then id
        people.sort(Comparator.comparingDouble(PersonMinutes::minutes).reversed()
                .thenComparing(PersonMinutes::fullName, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(PersonMinutes::contactId));
        return new TimeReport(figures.from(), figures.to(), figures.organizer(), figures.workId(),
                figures.totalMinutes(), figures.byLevel(), figures.byPosition(), figures.byKind(),
                figures.firstTimerMinutes(), people, peopleCount, figures.works(), figures.weeks(), figures.summary(),
                byUnit(places, headcount, minutes));
    }

    private static Place place(Row r) {
        return new Place(uuid(r.get("organization_id")), uuid(r.get("unit_id")));
    }

    /**
     * Minutes by level at the time only (Today's glance): the report's own figures statement, of
     * which only the by-level rows and the total are read; no people, works or units.
     */
    Levels byLevel(Team team, Period period, Scope scope) {
        Map<String, Double> byLevel = levels();
        double total = 0;
        for (Row r : ReportSql.rowsOfEach(em, List.of(ROOM_TO_HASH, "time-figures"), holding(scope, null),
                parameters(team, period, scope, null)).get(1)) {
            if ("level".equals(r.get("figure"))) {
                byLevel.put((String) r.get("level"), minutes(r.get("minutes")));
            } else if ("total".equals(r.get("figure"))) {
                total = minutes(r.get("minutes"));
            }
        }
        return new Levels(byLevel, total);
    }

    /** Minutes by level, and in all as the report's total says it (not the sum of the rounded levels: 99.99 for 100). */
    record Levels(Map<String, Double> byLevel, double total) {
    }

    /**
     * Minutes and people by organization and unit: the places of the team in their order
     * ({@link TeamPlaces}), each with its live people now (time-headcount.sql) and the minutes of
     * the people sitting there now (time-people.sql's places). Every unit is listed, zeros too;
     * "no unit" of an organization and "no organization" only when they hold people or minutes.
     */
    private static List<UnitMinutes> byUnit(List<TeamPlaces.Named> places, Map<Place, Long> headcount,
                                            Map<Place, Double> minutesThere) {
        List<UnitMinutes> list = new ArrayList<>();
        for (TeamPlaces.Named p : places) {
            long people = headcount.getOrDefault(p.place(), 0L);
            double minutes = minutesThere.getOrDefault(p.place(), 0.0);
            if (p.place().unit() == null && people <= 0 && minutes <= 0) {
                continue;
            }
            list.add(new UnitMinutes(p.place().organization(), p.organizationName(), p.place().unit(), p.name(),
                    people, Rows.round(minutes(minutes))));
        }
        return list;
    }

    /**
     * One of the report's statements as the report runs it (after the transaction's room to hash),
     * its filters chosen by scope and work; prefix "explain (analyze)" lets the benchmark and the
     * plan tests show its plan. Minutes are float8: summing 100,000 rows in numeric costs several
     * times more, and the figures are rounded to two decimals anyway.
     */
    List<Row> query(String prefix, String statement, Team team, Period period, Scope scope, Work work) {
        ReportSql.rowsOfEach(em, List.of(ROOM_TO_HASH), Set.of(), Map.of());
        return ReportSql.rows(em, prefix, statement, holding(scope, work), parameters(team, period, scope, work));
    }

    /**
     * The filters that hold: one organizer's figures or the team's ("team": its figures come from
     * the roll-up team_day, V28_4), one work's or all; "everyone" for the whole team's of all work
     * (its places come from the roll-up team_place_day, V28_3).
     */
    private static Set<String> holding(Scope scope, Work work) {
        Set<String> holding = new HashSet<>();
        holding.add(scope.team() ? "team" : "organizer");
        if (work != null) {
            holding.add("work");
        } else if (scope.team()) {
            holding.add("everyone");
        }
        return holding;
    }

    /** The statements' parameters; each statement binds those its text names. */
    private static Map<String, Object> parameters(Team team, Period period, Scope scope, Work work) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("team", team.id);
        parameters.put("tz", team.timeZone);
        parameters.put("heat", team.heatWindowDays);
        parameters.put("start", period.start());
        parameters.put("end", period.end());
        parameters.put("from", period.from());
        parameters.put("to", period.to());
        parameters.put("people", ReportService.PEOPLE_MAX);
        if (!scope.team()) {
            parameters.put("org", scope.organizerId());
        }
        if (work != null) {
            parameters.put("work", work.id);
        }
        return parameters;
    }

    /** The report from its figures' rows (time-figures.sql): no people and no units yet. */
    private static TimeReport assemble(List<Row> figures, Period period, Scope scope, Work work) {
        double total = 0;
        double firstTimer = 0;
        Map<String, Double> byLevel = levels();
        Map<String, Double> byPosition = positions();
        Map<String, Double> byKind = new LinkedHashMap<>();
        byKind.put(ONE_TO_ONE, 0.0);
        byKind.put(GROUP, 0.0);
        Map<UUID, Map<String, Double>> workLevels = new LinkedHashMap<>();
        // each work's minutes as summed, rounded once: the sum of its rounded levels drifted from the report's
        // total (100 minutes shared by three read 99.99 beside a total of 100.0: the walk)
        Map<UUID, Double> workTotals = new HashMap<>();
        Map<UUID, Map<String, Double>> workPositions = new HashMap<>();
        Map<LocalDate, Map<String, Double>> weeks = new HashMap<>();
        Map<LocalDate, Double> weekTotals = new HashMap<>();
        Map<UUID, Aim> aims = new HashMap<>();
        if (work != null) {
            workLevels.put(work.id, levels());
            workPositions.put(work.id, positions());
            // named even when the period holds none of its minutes
            aims.put(work.id, new Aim(work.name, work.focus == null ? null : work.focus.word(),
                    work.mode == null ? null : work.mode.word(), work.justification));
        }
        for (Row r : figures) {
            String figure = (String) r.get("figure");
            String level = (String) r.get("level");
            String position = (String) r.get("position");
            double m = minutes(r.get("minutes"));
            switch (figure) {
                case "total" -> total = m;
                case "first-timers" -> firstTimer = m;
                case "level" -> byLevel.put(level, m);
                case "position" -> byPosition.put(position, m);
                case "kind" -> byKind.put((String) r.get("kind"), m);
                case "work-level" -> {
                    UUID id = uuid(r.get("work_id"));
                    workLevels.computeIfAbsent(id, k -> levels()).put(level, m);
                    workTotals.merge(id, Rows.unrounded(r.get("minutes")), Double::sum);
                    if (id != null && !aims.containsKey(id)) {
                        aims.put(id, new Aim((String) r.get("work_name"), (String) r.get("work_focus"),
                                (String) r.get("work_mode"), (String) r.get("work_justification")));
                    }
                }
                case "work-position" -> workPositions.computeIfAbsent(uuid(r.get("work_id")), k -> positions())
                        .put(position, m);
                case "week-level" -> {
                    LocalDate week = date(r.get("week"));
                    weeks.computeIfAbsent(week, k -> levels()).put(level, m);
                    weekTotals.merge(week, Rows.unrounded(r.get("minutes")), Double::sum);
                }
                default -> throw new IllegalStateException("unexpected figure " + figure);
            }
        }
        List<WorkMinutes> works = works(workLevels, workTotals, workPositions, aims);
        return new TimeReport(period.from(), period.to(), scope.word(), work == null ? null : work.id,
                total, byLevel, byPosition, byKind, firstTimer, List.of(), 0,
                works, weeks(period, weeks, weekTotals),
                Summaries.time(period, scope, work, total, byLevel, byPosition, Summaries.api(), LocalDate::toString), List.of());
    }

    /** A work's name and what it is for, as the figures' work-level rows name it (time-figures.sql). */
    private record Aim(String name, String focus, String mode, String justification) {
    }

    /** The works named by the figures, with what they are for; most minutes first, no-work last. */
    private static List<WorkMinutes> works(Map<UUID, Map<String, Double>> levels, Map<UUID, Double> totals,
                                           Map<UUID, Map<String, Double>> positions, Map<UUID, Aim> aims) {
        List<WorkMinutes> works = new ArrayList<>();
        levels.forEach((id, byLevel) -> {
            Map<String, Double> byPosition = positions.getOrDefault(id, positions());
            double total = totals.getOrDefault(id, 0.0);
            String dominant = dominant(byLevel);
            Aim w = id == null ? null : aims.get(id);
            String focus = w == null ? null : w.focus();
            works.add(new WorkMinutes(id, w == null ? null : w.name(), focus, w == null ? null : w.mode(),
                    w == null ? null : w.justification(), Rows.round(total), byLevel, byPosition, dominant,
                    w == null || dominant == null ? null : matches(focus, dominant)));
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
    private static List<WeekMinutes> weeks(Period period, Map<LocalDate, Map<String, Double>> found,
                                           Map<LocalDate, Double> totals) {
        List<WeekMinutes> weeks = new ArrayList<>();
        LocalDate week = period.from().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        for (; !week.isAfter(period.to()); week = week.plusWeeks(1)) {
            weeks.add(new WeekMinutes(week, found.getOrDefault(week, levels()), Rows.round(totals.getOrDefault(week, 0.0))));
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
