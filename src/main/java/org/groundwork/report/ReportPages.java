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
import org.groundwork.web.FilterBoxes;
import org.groundwork.web.Form;
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
    /** The period whose dates are typed in From and To. */
    static final String CUSTOM = "custom";

    @Inject
    ReportService reports;
    @Inject
    CurrentOrganizer current;
    @Inject
    ReportViews views;

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
    @FilterBoxes({"period", "from", "to", "organizer", "work"})
    public Object time(@QueryParam("period") String period, @QueryParam("from") String from,
                                 @QueryParam("to") String to, @QueryParam("organizer") String organizer,
                                 @QueryParam("work") String work) {
        Map<String, String> form = form(period, from, to, organizer);
        form.put("work", work == null ? "" : work);
        Form asked = asked(form);
        TimeReport report = asked.attempt(() -> reports.time(ReportQuery.parse(form.get("from"), form.get("to"),
                organizer, work))).orElse(null);
        return asked.drawn(Templates.time(report, views.summary(report), views.totals(report), views.panels(report),
                views.periods(), views.organizers(), views.works(), form, asked.errors()));
    }

    @GET
    @Path("/movement")
    @FilterBoxes({"period", "from", "to", "organizer"})
    public Object movement(@QueryParam("period") String period, @QueryParam("from") String from,
                                     @QueryParam("to") String to, @QueryParam("organizer") String organizer) {
        Map<String, String> form = form(period, from, to, organizer);
        Form asked = asked(form);
        MovementReport report = asked.attempt(() -> reports.movement(ReportQuery.parse(form.get("from"), form.get("to"),
                organizer, null))).orElse(null);
        return asked.drawn(Templates.movement(report, views.summary(report), views.tables(report), views.periods(),
                views.organizers(), form, asked.errors()));
    }

    /** A preset (7, 30, 90 days up to today) sets the dates; "custom" takes them as given. Default: 30 days. */
    private Map<String, String> form(String period, String from, String to, String organizer) {
        Map<String, String> form = new HashMap<>();
        String p = period == null || period.isBlank()
                ? (isBlank(from) && isBlank(to) ? "30" : CUSTOM) : period.trim();
        form.put("period", p); // a period the page never offers ("abc" in a hand-edited link) is kept, and refused
        LocalDate today = LocalDate.now(current.team().zone());
        // each preset's dates, for the page's script to put in From/To as soon as a preset is
        // chosen (otherwise the boxes show the old dates while the report covers the new period)
        form.put("today", today.toString());
        for (String preset : PRESETS) {
            form.put("from" + preset, today.minusDays(Integer.parseInt(preset) - 1L).toString());
        }
        if (!PRESETS.contains(p)) {
            form.put("from", from == null ? "" : from);
            form.put("to", to == null ? "" : to);
        } else {
            form.put("from", form.get("from" + p));
            form.put("to", today.toString());
        }
        form.put("organizer", organizer == null ? "" : organizer);
        return form;
    }

    /**
     * The report's filters as a form: a period the page does not offer is a 400 with its message beside
     * the box, not a report of other days than asked (its dates, kept as typed, are not read).
     */
    private static Form asked(Map<String, String> form) {
        Form asked = Form.filters(form).names(FIELDS);
        String period = form.get("period");
        if (!PRESETS.contains(period) && !CUSTOM.equals(period)) {
            asked.error("period", PageLanguage.msg().form_choose_from_list());
        }
        return asked;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
