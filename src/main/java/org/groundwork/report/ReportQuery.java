package org.groundwork.report;

import org.groundwork.platform.Ids;
import org.groundwork.platform.Problems;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What a report is asked for, typed: the API's query parameters and the report pages' form are
 * parsed into this before the service, which never reads request text.
 *
 * @param wholeTeam "all": the team's figures (coordinators and admins)
 * @param organizer another organizer's (or one's own) figures; null with wholeTeam false: one's own
 * @param work      one work's time only (the time report); null: every work
 */
public record ReportQuery(LocalDate from, LocalDate to, boolean wholeTeam, UUID organizer, UUID work) {

    /** The request's text: each bad value a 400 naming its parameter. */
    public static ReportQuery parse(String from, String to, String organizer, String work) {
        LocalDate f = required("from", from);
        LocalDate t = required("to", to);
        boolean all = organizer != null && organizer.trim().equalsIgnoreCase("all");
        return new ReportQuery(f, t, all, all ? null : Ids.filter(organizer, "organizer"), Ids.filter(work, "work"));
    }

    private static LocalDate required(String name, String value) {
        LocalDate date = org.groundwork.platform.Dates.parse(name, value);
        if (date == null) {
            throw Problems.invalid(name, "is required (a date, YYYY-MM-DD)");
        }
        return date;
    }
}
