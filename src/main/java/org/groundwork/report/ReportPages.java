package org.groundwork.report;

import io.quarkus.panache.common.Sort;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.groundwork.organizer.CurrentOrganizer;
import org.groundwork.organizer.Organizer;
import org.groundwork.organizer.Role;
import org.groundwork.platform.ProblemException;
import org.groundwork.report.Charts.Figures;
import org.groundwork.report.Charts.Panel;
import org.groundwork.report.Charts.Row;
import org.groundwork.report.Charts.Table;
import org.groundwork.report.ReportJson.MovementReport;
import org.groundwork.report.ReportJson.Person;
import org.groundwork.report.ReportJson.PersonMinutes;
import org.groundwork.report.ReportJson.TimeReport;
import org.groundwork.report.ReportJson.UnitMinutes;
import org.groundwork.report.ReportJson.Transition;
import org.groundwork.report.ReportJson.WeekMinutes;
import org.groundwork.report.ReportJson.WorkMinutes;
import org.groundwork.web.FormErrors;
import org.groundwork.web.Option;
import org.groundwork.work.Work;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report pages: the same {@link ReportService} as the JSON API ("two doors, one service"),
 * shown as a plain sentence, charts drawn on the server as SVG and a table beside each chart.
 */
@Path("/reports")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ReportPages {

    static final Map<String, String> FIELDS = FormErrors.names("from", "to", "organizer", "work");
    static final List<String> PRESETS = List.of("7", "30", "90");
    private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    @Inject
    ReportService reports;
    @Inject
    CurrentOrganizer current;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance time(TimeReport report, String totals, List<Panel> panels, List<Option> periods,
                                            List<Option> organizers, List<Option> works,
                                            Map<String, String> form, Map<String, String> errors);

        static native TemplateInstance movement(MovementReport report, List<Table> tables, List<Option> periods,
                                                List<Option> organizers,
                                                Map<String, String> form, Map<String, String> errors);
    }

    @GET
    @Path("/time")
    public TemplateInstance time(@QueryParam("period") String period, @QueryParam("from") String from,
                                 @QueryParam("to") String to, @QueryParam("organizer") String organizer,
                                 @QueryParam("work") String work) {
        Map<String, String> form = form(period, from, to, organizer);
        form.put("work", work == null ? "" : work);
        TimeReport report = null;
        Map<String, String> errors = Map.of();
        try {
            report = reports.time(form.get("from"), form.get("to"), organizer, work);
        } catch (ProblemException e) {
            errors = FormErrors.of(e, FIELDS).map();
        }
        String totals = report == null ? "" : "From " + report.from() + " to " + report.to() + ": "
                + Charts.minutes(report.totalMinutes()) + " minutes in all, "
                + Charts.minutes(report.firstTimerMinutes()) + " of them with first-timers at their first action.";
        return Templates.time(report, totals, report == null ? List.of() : panels(report), periods(), organizers(),
                works(), form, errors);
    }

    @GET
    @Path("/movement")
    public TemplateInstance movement(@QueryParam("period") String period, @QueryParam("from") String from,
                                     @QueryParam("to") String to, @QueryParam("organizer") String organizer) {
        Map<String, String> form = form(period, from, to, organizer);
        MovementReport report = null;
        Map<String, String> errors = Map.of();
        try {
            report = reports.movement(form.get("from"), form.get("to"), organizer);
        } catch (ProblemException e) {
            errors = FormErrors.of(e, FIELDS).map();
        }
        return Templates.movement(report, report == null ? List.of() : tables(report), periods(), organizers(),
                form, errors);
    }

    /** A preset (7, 30, 90 days up to today) sets the dates; "custom" takes them as given. Default: 30 days. */
    private Map<String, String> form(String period, String from, String to, String organizer) {
        Map<String, String> form = new HashMap<>();
        String p = period == null || period.isBlank()
                ? (isBlank(from) && isBlank(to) ? "30" : "custom") : period.trim();
        if (!PRESETS.contains(p)) {
            p = "custom";
        }
        form.put("period", p);
        LocalDate today = LocalDate.now(current.team().zone());
        // each preset's dates, for the page's script to put in From/To as soon as a preset is
        // chosen (otherwise the boxes show the old dates while the report covers the new period)
        form.put("today", today.toString());
        for (String preset : PRESETS) {
            form.put("from" + preset, today.minusDays(Integer.parseInt(preset) - 1L).toString());
        }
        if (p.equals("custom")) {
            form.put("from", from == null ? "" : from);
            form.put("to", to == null ? "" : to);
        } else {
            form.put("from", form.get("from" + p));
            form.put("to", today.toString());
        }
        form.put("organizer", organizer == null ? "" : organizer);
        return form;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static List<Option> periods() {
        return List.of(new Option("7", "Last 7 days"), new Option("30", "Last 30 days"),
                new Option("90", "Last 90 days"), new Option("custom", "Custom dates (below)"));
    }

    /** Coordinators and admins may look at the team or another organizer; others see their own. */
    private List<Option> organizers() {
        if (!current.has(Role.COORDINATOR)) {
            return List.of();
        }
        List<Option> options = new ArrayList<>();
        options.add(new Option("", "Me"));
        options.add(new Option("all", "All organizers (the team)"));
        for (Organizer o : Organizer.<Organizer>list("teamId", Sort.by("displayName"), current.teamId())) {
            if (!o.id.equals(current.id())) {
                options.add(new Option(o.id.toString(), o.displayName));
            }
        }
        return options;
    }

    private List<Option> works() {
        List<Option> options = new ArrayList<>();
        options.add(new Option("", "All works"));
        for (Work w : Work.<Work>list("teamId", Sort.by("name"), current.teamId())) {
            options.add(new Option(w.id.toString(), w.name));
        }
        return options;
    }

    static List<String> levelKeys() {
        List<String> keys = new ArrayList<>(TimeReports.LEVELS);
        keys.add(TimeReports.UNRECORDED);
        return keys;
    }

    static List<Panel> panels(TimeReport r) {
        List<String> levels = levelKeys();
        List<String> levelHeads = new ArrayList<>();
        levels.forEach(l -> levelHeads.add(Charts.word(l) + " (min)"));
        List<Panel> panels = new ArrayList<>();

        // time by level per work, with each work's focus and verdict
        List<Figures> workBars = new ArrayList<>();
        List<Row> workRows = new ArrayList<>();
        for (WorkMinutes w : r.works()) {
            String name = w.workId() == null ? "No work" : w.name();
            String focus = w.focus() == null ? "No focus" : "Focus: " + Charts.word(w.focus());
            String verdict = verdict(w);
            workBars.add(new Figures(name, focus + " · " + shortVerdict(w), w.byLevel()));
            List<String> cells = new ArrayList<>();
            cells.add(w.focus() == null ? "—" : Charts.word(w.focus()));
            cells.add(verdict + (w.justification() == null || w.justification().isBlank() ? ""
                    : ". Why: " + w.justification()));
            levels.forEach(l -> cells.add(Charts.minutes(w.byLevel().getOrDefault(l, 0.0))));
            cells.add(Charts.minutes(w.totalMinutes()));
            workRows.add(new Row(name, cells));
        }
        List<String> workHeads = new ArrayList<>(List.of("Work", "Focus", "Verdict"));
        workHeads.addAll(levelHeads);
        workHeads.add("Total (min)");
        panels.add(new Panel("by-work", "Time by level per work",
                "Minutes with people at each level, per work, with what the work is for and whether that matches.",
                Charts.bars(workBars, levels),
                new Table("Minutes by level per work", workHeads, workRows)));

        // time by position
        List<Figures> positionBars = new ArrayList<>();
        List<Row> positionRows = new ArrayList<>();
        r.byPosition().forEach((p, m) -> {
            positionBars.add(new Figures(Charts.word(p), null, Map.of("minutes", m)));
            positionRows.add(new Row(Charts.word(p), List.of(Charts.minutes(m))));
        });
        panels.add(new Panel("by-position", "Time by position",
                "Minutes with people by where they stand relative to the base.",
                Charts.bars(positionBars, List.of("minutes")),
                new Table("Minutes by position", List.of("Position", "Minutes"), positionRows)));

        // weekly trend by level
        List<Figures> weekBars = new ArrayList<>();
        List<Row> weekRows = new ArrayList<>();
        for (WeekMinutes w : r.weeks()) {
            String label = "Week of " + WEEK.format(w.weekStart());
            weekBars.add(new Figures(label, null, w.byLevel()));
            List<String> cells = new ArrayList<>();
            levels.forEach(l -> cells.add(Charts.minutes(w.byLevel().getOrDefault(l, 0.0))));
            cells.add(Charts.minutes(Charts.total(w.byLevel())));
            weekRows.add(new Row(label, cells));
        }
        List<String> weekHeads = new ArrayList<>(List.of("Week"));
        weekHeads.addAll(levelHeads);
        weekHeads.add("Total (min)");
        panels.add(new Panel("by-week", "Weekly trend by level",
                "Minutes per week (weeks begin on Monday), stacked by the level people had at the time.",
                Charts.bars(weekBars, levels),
                new Table("Minutes per week by level", weekHeads, weekRows)));

        // where people sit: each unit's share of the time next to its share of the people
        if (!r.byUnit().isEmpty()) {
            long allPeople = r.byUnit().stream().mapToLong(UnitMinutes::people).sum();
            double allMinutes = r.byUnit().stream().mapToDouble(UnitMinutes::minutes).sum();
            List<Figures> unitBars = new ArrayList<>();
            List<Row> unitRows = new ArrayList<>();
            for (UnitMinutes u : r.byUnit()) {
                String org = u.organizationId() == null ? "No organization" : u.organizationName();
                String name = u.organizationId() == null ? "No organization"
                        : org + " · " + (u.unitId() == null ? "no unit" : u.name());
                String timeShare = share(u.minutes(), r.totalMinutes());
                String peopleShare = share(u.people(), allPeople);
                if (unitBars.size() < 40) {
                    unitBars.add(new Figures(name, timeShare + " of the time · " + peopleShare + " of the people",
                            Map.of("minutes", u.minutes())));
                }
                unitRows.add(new Row(name, List.of(String.valueOf(u.people()), peopleShare,
                        Charts.minutes(u.minutes()), timeShare)));
            }
            panels.add(new Panel("by-unit", "Time by organization and unit",
                    "Minutes with the people of each unit, and its share of the time next to its share of the people"
                            + " (everyone in the team's organizations today): which parts of the base this work never puts you with.",
                    Charts.bars(unitBars, List.of("minutes")),
                    new Table("Minutes and people by organization and unit",
                            List.of("Organization · unit", "People", "Share of the people", "Minutes", "Share of the time"),
                            unitRows)));
        }

        // the top people
        List<Figures> peopleBars = new ArrayList<>();
        List<Row> peopleRows = new ArrayList<>();
        int n = 0;
        for (PersonMinutes p : r.people()) {
            if (n++ >= 10) {
                break;
            }
            String name = p.erased() || p.fullName() == null ? "Deleted contact" : p.fullName();
            peopleBars.add(new Figures(name, null, Map.of("minutes", p.minutes())));
            peopleRows.add(new Row(name, List.of(Charts.minutes(p.minutes()))));
        }
        panels.add(new Panel("top-people", "Top people",
                "The people who got the most time (" + Math.min(10, r.peopleCount()) + " of " + r.peopleCount() + ").",
                Charts.bars(peopleBars, List.of("minutes")),
                new Table("Minutes per person, most first", List.of("Person", "Minutes"), peopleRows)));
        return panels;
    }

    /** Whole percent of the whole, "0%" of nothing. */
    static String share(double part, double whole) {
        return whole <= 0 ? "0%" : Math.round(100.0 * part / whole) + "%";
    }

    static String shortVerdict(WorkMinutes w) {
        if (w.workId() == null) {
            return "no focus to match";
        }
        if (w.matchesFocus() == null) {
            return "no leveled time";
        }
        return w.matchesFocus() ? "matches" : "does not match";
    }

    static String verdict(WorkMinutes w) {
        if (w.workId() == null) {
            return "No work, so no focus to match";
        }
        if (w.matchesFocus() == null) {
            return "No time with leveled people yet";
        }
        String most = "most time with " + Charts.word(w.dominantLevel()).toLowerCase(Locale.ROOT);
        return w.matchesFocus() ? "Matches its focus (" + most + ")" : "Does not match its focus (" + most + ")";
    }

    static List<Table> tables(MovementReport r) {
        List<Table> tables = new ArrayList<>();
        List<Row> moves = new ArrayList<>();
        for (Transition t : r.transitions()) {
            moves.add(new Row(Charts.word(t.from()) + " → " + Charts.word(t.to()),
                    List.of(String.valueOf(t.count()), String.valueOf(t.peopleCount()), names(t))));
        }
        tables.add(new Table("Movement between levels", List.of("From → to", "Changes", "People", "Who (most recent first)"),
                moves));
        Map<String, String> timely = new LinkedHashMap<>();
        timely.put("First-timers (first action in the period)", String.valueOf(r.timeliness().firstTimers()));
        timely.put("Had a conversation within the heat window", String.valueOf(r.timeliness().followedUpInTime()));
        timely.put("Median hours from the action to that conversation",
                r.timeliness().medianHours() == null ? "—" : Charts.oneDecimal(r.timeliness().medianHours()));
        tables.add(new Table("Follow-up after a first action", List.of("Figure", "Value"), rows(timely)));
        Map<String, String> open = new LinkedHashMap<>();
        open.put("Open follow-ups", String.valueOf(r.followUps().open()));
        open.put("Overdue follow-ups", String.valueOf(r.followUps().overdue()));
        open.put("People cooling", String.valueOf(r.cooling()));
        tables.add(new Table("Follow-ups as of " + r.followUps().asOf() + ", and cooling", List.of("Figure", "Count"),
                rows(open)));
        return tables;
    }

    private static List<Row> rows(Map<String, String> figures) {
        List<Row> rows = new ArrayList<>();
        figures.forEach((k, v) -> rows.add(new Row(k, List.of(v))));
        return rows;
    }

    private static String names(Transition t) {
        List<String> names = new ArrayList<>();
        for (Person p : t.people()) {
            if (names.size() == 10) {
                break;
            }
            names.add(p.erased() || p.fullName() == null ? "Deleted contact" : p.fullName());
        }
        String s = String.join(", ", names);
        return t.peopleCount() > names.size() ? s + " and " + (t.peopleCount() - names.size()) + " more" : s;
    }
}
