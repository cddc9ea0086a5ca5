package org.groundwork.report;

import org.groundwork.report.ReportService.Scope;
import org.groundwork.web.Labels;
import org.groundwork.web.Msg;
import org.groundwork.web.MsgReports;
import org.groundwork.web.PageLanguage;

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
import java.util.UUID;

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
        static native TemplateInstance time(TimeReport report, String summary, String totals, List<Panel> panels, List<Option> periods,
                                            List<Option> organizers, List<Option> works,
                                            Map<String, String> form, Map<String, String> errors);

        static native TemplateInstance movement(MovementReport report, String summary, List<Table> tables, List<Option> periods,
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
        MsgReports words = PageLanguage.reports();
        String totals = report == null ? "" : words.report_totals(report.from().toString(), report.to().toString(),
                Labels.number(report.totalMinutes()), Labels.number(report.firstTimerMinutes()));
        String summary = report == null ? "" : Summaries.time(period(report.from(), report.to()), scope(report.organizer()),
                report.workId() == null ? null : Work.findById(report.workId()), report.totalMinutes(), report.byLevel(),
                report.byPosition(), PageLanguage.reports());
        return Templates.time(report, summary, totals, report == null ? List.of() : panels(report), periods(), organizers(),
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
        String summary = report == null ? "" : Summaries.movement(period(report.from(), report.to()),
                scope(report.organizer()), report.transitions(), report.timeliness(), (int) report.followUps().overdue(),
                (int) report.cooling(), PageLanguage.reports());
        return Templates.movement(report, summary, report == null ? List.of() : tables(report), periods(), organizers(),
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
        MsgReports words = PageLanguage.reports();
        return List.of(new Option("7", words.report_last_days("7")), new Option("30", words.report_last_days("30")),
                new Option("90", words.report_last_days("90")), new Option("custom", words.report_custom()));
    }

    /** The report's period again, for its sentence in the page's language. */
    private static Period period(LocalDate from, LocalDate to) {
        return new Period(from, to, null, null);
    }

    /** Whose report it is, as the report names it ("all", an organizer's id), for its sentence. */
    private Scope scope(String organizer) {
        if ("all".equals(organizer)) {
            return new Scope(null, false, null);
        }
        UUID id = UUID.fromString(organizer);
        if (id.equals(current.id())) {
            return new Scope(id, true, null);
        }
        Organizer o = Organizer.findById(id);
        return new Scope(id, false, o == null ? "" : o.displayName);
    }

    /** Coordinators and admins may look at the team or another organizer; others see their own. */
    private List<Option> organizers() {
        if (!current.has(Role.COORDINATOR)) {
            return List.of();
        }
        List<Option> options = new ArrayList<>();
        options.add(new Option("", PageLanguage.people().owner_me()));
        options.add(new Option("all", PageLanguage.reports().report_all_organizers()));
        for (Organizer o : Organizer.<Organizer>list("teamId", Sort.by("displayName"), current.teamId())) {
            if (!o.id.equals(current.id())) {
                options.add(new Option(o.id.toString(), o.displayName));
            }
        }
        return options;
    }

    private List<Option> works() {
        List<Option> options = new ArrayList<>();
        options.add(new Option("", PageLanguage.reports().report_all_works()));
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
        Msg msg = PageLanguage.msg();
        MsgReports words = PageLanguage.reports();
        List<String> levels = levelKeys();
        List<String> levelHeads = new ArrayList<>();
        levels.forEach(l -> levelHeads.add(words.report_minutes_of(Charts.word(l))));
        List<Panel> panels = new ArrayList<>();

        // time by level per work, with each work's focus and verdict
        List<Figures> workBars = new ArrayList<>();
        List<Row> workRows = new ArrayList<>();
        for (WorkMinutes w : r.works()) {
            String name = w.workId() == null ? words.report_no_work() : w.name();
            String focus = w.focus() == null ? words.report_no_focus() : words.report_focus(Charts.word(w.focus()));
            String verdict = verdict(w);
            workBars.add(new Figures(name, focus + " · " + shortVerdict(w), w.byLevel()));
            List<String> cells = new ArrayList<>();
            cells.add(w.focus() == null ? "—" : Charts.word(w.focus()));
            cells.add(verdict + (w.justification() == null || w.justification().isBlank() ? ""
                    : ". " + words.report_why(w.justification())));
            levels.forEach(l -> cells.add(Charts.minutes(w.byLevel().getOrDefault(l, 0.0))));
            cells.add(Charts.minutes(w.totalMinutes()));
            workRows.add(new Row(name, cells));
        }
        List<String> workHeads = new ArrayList<>(List.of(msg.field_work(), PageLanguage.people().work_focus(), words.report_verdict()));
        workHeads.addAll(levelHeads);
        workHeads.add(words.report_total_min());
        panels.add(new Panel("by-work", words.report_by_work(), words.report_by_work_description(),
                Charts.bars(workBars, levels),
                new Table(words.report_by_work_caption(), workHeads, workRows)));

        // time by position
        List<Figures> positionBars = new ArrayList<>();
        List<Row> positionRows = new ArrayList<>();
        r.byPosition().forEach((p, m) -> {
            positionBars.add(new Figures(Charts.word(p), null, Map.of("minutes", m)));
            positionRows.add(new Row(Charts.word(p), List.of(Charts.minutes(m))));
        });
        panels.add(new Panel("by-position", words.report_by_position(), words.report_by_position_description(),
                Charts.bars(positionBars, List.of("minutes")),
                new Table(words.report_by_position_caption(), List.of(msg.field_position(), words.report_minutes()), positionRows)));

        // weekly trend by level
        List<Figures> weekBars = new ArrayList<>();
        List<Row> weekRows = new ArrayList<>();
        for (WeekMinutes w : r.weeks()) {
            String label = words.report_week_of(WEEK.withLocale(PageLanguage.current()).format(w.weekStart()));
            weekBars.add(new Figures(label, null, w.byLevel()));
            List<String> cells = new ArrayList<>();
            levels.forEach(l -> cells.add(Charts.minutes(w.byLevel().getOrDefault(l, 0.0))));
            cells.add(Charts.minutes(Charts.total(w.byLevel())));
            weekRows.add(new Row(label, cells));
        }
        List<String> weekHeads = new ArrayList<>(List.of(words.report_week()));
        weekHeads.addAll(levelHeads);
        weekHeads.add(words.report_total_min());
        panels.add(new Panel("by-week", words.report_by_week(), words.report_by_week_description(),
                Charts.bars(weekBars, levels),
                new Table(words.report_by_week_caption(), weekHeads, weekRows)));

        // where people sit: each unit's share of the time next to its share of the people
        if (!r.byUnit().isEmpty()) {
            long allPeople = r.byUnit().stream().mapToLong(UnitMinutes::people).sum();
            double allMinutes = r.byUnit().stream().mapToDouble(UnitMinutes::minutes).sum();
            List<Figures> unitBars = new ArrayList<>();
            List<Row> unitRows = new ArrayList<>();
            for (UnitMinutes u : r.byUnit()) {
                String org = u.organizationId() == null ? words.report_no_organization() : u.organizationName();
                String name = u.organizationId() == null ? words.report_no_organization()
                        : org + " · " + (u.unitId() == null ? words.report_no_unit() : u.name());
                String timeShare = share(u.minutes(), r.totalMinutes());
                String peopleShare = share(u.people(), allPeople);
                if (unitBars.size() < 40) {
                    unitBars.add(new Figures(name, words.report_unit_shares(timeShare, peopleShare),
                            Map.of("minutes", u.minutes())));
                }
                unitRows.add(new Row(name, List.of(String.valueOf(u.people()), peopleShare,
                        Charts.minutes(u.minutes()), timeShare)));
            }
            panels.add(new Panel("by-unit", words.report_by_unit(), words.report_by_unit_description(),
                    Charts.bars(unitBars, List.of("minutes")),
                    new Table(words.report_by_unit_caption(),
                            List.of(words.report_organization_unit(), PageLanguage.people().org_people(), words.report_share_people(),
                                    words.report_minutes(), words.report_share_time()),
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
            String name = p.erased() || p.fullName() == null ? PageLanguage.people().contact_deleted() : p.fullName();
            peopleBars.add(new Figures(name, null, Map.of("minutes", p.minutes())));
            peopleRows.add(new Row(name, List.of(Charts.minutes(p.minutes()))));
        }
        panels.add(new Panel("top-people", words.report_top_people(),
                words.report_top_people_description(String.valueOf(Math.min(10, r.peopleCount())), String.valueOf(r.peopleCount())),
                Charts.bars(peopleBars, List.of("minutes")),
                new Table(words.report_top_people_caption(), List.of(PageLanguage.people().leaders_person(), words.report_minutes()), peopleRows)));
        return panels;
    }

    /** Whole percent of the whole, "0%" of nothing. */
    static String share(double part, double whole) {
        return whole <= 0 ? "0%" : Math.round(100.0 * part / whole) + "%";
    }

    static String shortVerdict(WorkMinutes w) {
        MsgReports words = PageLanguage.reports();
        if (w.workId() == null) {
            return words.report_short_no_focus();
        }
        if (w.matchesFocus() == null) {
            return words.report_short_no_leveled();
        }
        return w.matchesFocus() ? words.report_short_matches() : words.report_short_not_matching();
    }

    static String verdict(WorkMinutes w) {
        MsgReports words = PageLanguage.reports();
        if (w.workId() == null) {
            return words.report_verdict_no_work();
        }
        if (w.matchesFocus() == null) {
            return words.report_verdict_no_leveled();
        }
        String most = Charts.word(w.dominantLevel()).toLowerCase(PageLanguage.current());
        return w.matchesFocus() ? words.report_verdict_matches(most) : words.report_verdict_not_matching(most);
    }

    static List<Table> tables(MovementReport r) {
        MsgReports words = PageLanguage.reports();
        List<Table> tables = new ArrayList<>();
        List<Row> moves = new ArrayList<>();
        for (Transition t : r.transitions()) {
            moves.add(new Row(Charts.word(t.from()) + " → " + Charts.word(t.to()),
                    List.of(String.valueOf(t.count()), String.valueOf(t.peopleCount()), names(t))));
        }
        tables.add(new Table(words.movement_between(), List.of(words.movement_from_to(), words.movement_changes(), PageLanguage.people().org_people(),
                words.movement_who()), moves));
        Map<String, String> timely = new LinkedHashMap<>();
        timely.put(words.movement_first_timers(), String.valueOf(r.timeliness().firstTimers()));
        timely.put(words.movement_in_heat(), String.valueOf(r.timeliness().followedUpInTime()));
        timely.put(words.movement_median(),
                r.timeliness().medianHours() == null ? "—" : Charts.oneDecimal(r.timeliness().medianHours()));
        tables.add(new Table(words.movement_after_first(), List.of(words.movement_figure(), words.movement_value()), rows(timely)));
        Map<String, String> open = new LinkedHashMap<>();
        open.put(words.movement_open(), String.valueOf(r.followUps().open()));
        open.put(words.movement_overdue(), String.valueOf(r.followUps().overdue()));
        open.put(words.movement_cooling(), String.valueOf(r.cooling()));
        tables.add(new Table(words.movement_as_of(r.followUps().asOf().toString()), List.of(words.movement_figure(), words.movement_count()),
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
            names.add(p.erased() || p.fullName() == null ? PageLanguage.people().contact_deleted() : p.fullName());
        }
        String s = String.join(", ", names);
        return t.peopleCount() > names.size()
                ? PageLanguage.reports().movement_and_more(s, String.valueOf(t.peopleCount() - names.size())) : s;
    }
}
