package org.groundwork.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.groundwork.organizer.CurrentOrganizer;
import org.groundwork.organizer.Role;
import org.groundwork.report.Charts.Figures;
import org.groundwork.report.Charts.Panel;
import org.groundwork.report.Charts.Row;
import org.groundwork.report.Charts.Table;
import org.groundwork.report.ReportJson.MovementReport;
import org.groundwork.report.ReportJson.Person;
import org.groundwork.report.ReportJson.PersonMinutes;
import org.groundwork.report.ReportJson.TimeReport;
import org.groundwork.report.ReportJson.Transition;
import org.groundwork.report.ReportJson.UnitMinutes;
import org.groundwork.report.ReportJson.WeekMinutes;
import org.groundwork.report.ReportJson.WorkMinutes;
import org.groundwork.web.Labels;
import org.groundwork.web.Msg;
import org.groundwork.web.MsgReports;
import org.groundwork.web.Option;
import org.groundwork.web.PageLanguage;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report pages' view models: a report from {@link ReportService} worded in the page's
 * language (its sentence, totals, charts and tables) and the choices of the report form. The
 * page resource only binds the form, calls the service and draws; what it draws is made here.
 * A null report (the form was refused) draws as nothing.
 */
@ApplicationScoped
class ReportViews {

    private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    @Inject
    ReportService reports;
    @Inject
    CurrentOrganizer current;

    String summary(TimeReport report) {
        return report == null ? "" : reports.summary(report, PageLanguage.reports());
    }

    String summary(MovementReport report) {
        return report == null ? "" : reports.summary(report, PageLanguage.reports());
    }

    String totals(TimeReport report) {
        return report == null ? "" : PageLanguage.reports().report_totals(Labels.day(report.from()),
                Labels.day(report.to()), Labels.number(report.totalMinutes()), Labels.number(report.firstTimerMinutes()));
    }

    List<Option> periods() {
        // the very periods the page accepts (ReportPages.asked refuses any other), in its words
        MsgReports words = PageLanguage.reports();
        List<Option> options = new ArrayList<>();
        ReportPages.PRESETS.forEach(days -> options.add(new Option(days, words.report_last_days(days))));
        options.add(new Option(ReportPages.CUSTOM, words.report_custom()));
        return options;
    }

    /** Coordinators and admins may look at the team or another organizer; others see their own. */
    List<Option> organizers() {
        if (!current.has(Role.COORDINATOR)) {
            return List.of();
        }
        List<Option> options = new ArrayList<>();
        options.add(new Option("", PageLanguage.people().owner_me()));
        options.add(new Option("all", PageLanguage.reports().report_all_organizers()));
        reports.otherOrganizers().forEach(o -> options.add(new Option(o.id().toString(), o.name())));
        return options;
    }

    List<Option> works() {
        List<Option> options = new ArrayList<>();
        options.add(new Option("", PageLanguage.reports().report_all_works()));
        reports.works().forEach(w -> options.add(new Option(w.id().toString(), w.name())));
        return options;
    }

    static List<String> levelKeys() {
        List<String> keys = new ArrayList<>(TimeReports.LEVELS);
        keys.add(TimeReports.UNRECORDED);
        return keys;
    }

    static List<Panel> panels(TimeReport r) {
        if (r == null) {
            return List.of();
        }
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
            workBars.add(new Figures(name, focus + " · " + shortVerdict(w), w.byLevel(), w.totalMinutes()));
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
            weekBars.add(new Figures(label, null, w.byLevel(), w.totalMinutes()));
            List<String> cells = new ArrayList<>();
            levels.forEach(l -> cells.add(Charts.minutes(w.byLevel().getOrDefault(l, 0.0))));
            cells.add(Charts.minutes(w.totalMinutes()));
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
                            List.of(words.report_organization_unit(), PageLanguage.places().org_people(), words.report_share_people(),
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
                new Table(words.report_top_people_caption(), List.of(PageLanguage.places().leaders_person(), words.report_minutes()), peopleRows)));
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
        // the level's people as a sentence names them: the level's own word ("Cadre", "Cuadro") is a
        // heading's, and read "más tiempo con cuadro" inside the sentence
        String most = Summaries.people(w.dominantLevel(), words);
        return w.matchesFocus() ? words.report_verdict_matches(most) : words.report_verdict_not_matching(most);
    }

    static List<Table> tables(MovementReport r) {
        if (r == null) {
            return List.of();
        }
        MsgReports words = PageLanguage.reports();
        List<Table> tables = new ArrayList<>();
        List<Row> moves = new ArrayList<>();
        for (Transition t : r.transitions()) {
            moves.add(new Row(Charts.word(t.from()) + " → " + Charts.word(t.to()),
                    List.of(String.valueOf(t.count()), String.valueOf(t.peopleCount()), names(t))));
        }
        tables.add(new Table(words.movement_between(), List.of(words.movement_from_to(), words.movement_changes(), PageLanguage.places().org_people(),
                words.movement_who()), moves));
        Map<String, String> timely = new LinkedHashMap<>();
        timely.put(words.movement_first_timers(), String.valueOf(r.timeliness().firstTimers()));
        timely.put(words.movement_in_heat(), String.valueOf(r.timeliness().followedUpInTime()));
        timely.put(words.movement_still_in_window(), String.valueOf(r.timeliness().stillInWindow()));
        timely.put(words.movement_median(),
                r.timeliness().medianHours() == null ? "—" : Charts.oneDecimal(r.timeliness().medianHours()));
        tables.add(new Table(words.movement_after_first(), List.of(words.movement_figure(), words.movement_value()), rows(timely)));
        Map<String, String> open = new LinkedHashMap<>();
        open.put(words.movement_open(), String.valueOf(r.followUps().open()));
        open.put(words.movement_overdue(), String.valueOf(r.followUps().overdue()));
        open.put(words.movement_cooling(), String.valueOf(r.cooling()));
        tables.add(new Table(words.movement_as_of(Labels.day(r.followUps().asOf())), List.of(words.movement_figure(), words.movement_count()),
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
