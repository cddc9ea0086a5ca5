package org.groundwork.report;

import org.groundwork.platform.Dates;
import org.groundwork.platform.Problems;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/** A report's inclusive dates, read in the team's time zone: [start of from, start of the day after to). */
record Period(LocalDate from, LocalDate to, Instant start, Instant end) {

    static final int MAX_DAYS = 366;

    static Period parse(String from, String to, ZoneId zone) {
        return of(date("from", from), date("to", to), zone);
    }

    /** Checks the dates of a typed query: both given, in order, at most a year apart. */
    static Period of(LocalDate f, LocalDate t, ZoneId zone) {
        if (f == null || t == null) {
            throw Problems.invalid(f == null ? "from" : "to", "is required (a date, YYYY-MM-DD)");
        }
        if (t.isBefore(f)) {
            throw Problems.invalid("to", "must not be before from (" + f + ")");
        }
        if (days(f, t) > MAX_DAYS) {
            throw Problems.invalid("to", "a period is at most " + MAX_DAYS + " days");
        }
        return new Period(f, t, f.atStartOfDay(zone).toInstant(), t.plusDays(1).atStartOfDay(zone).toInstant());
    }

    long days() {
        return days(from, to);
    }

    private static long days(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    private static LocalDate date(String name, String value) {
        LocalDate date = Dates.parse(name, value);
        if (date == null) {
            throw Problems.invalid(name, "is required (a date, YYYY-MM-DD)");
        }
        return date;
    }
}
