package org.groundwork.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The dates Groundwork accepts, wherever they come from (JSON, query strings, forms, CSV):
 * years 1900 to 2200. Anything outside is a typing mistake or an attack (PostgreSQL's own
 * range ends in the year 5874897, and a number read as an epoch day lands far outside it).
 */
public final class Dates {

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2200, 12, 31);
    public static final String OUT_OF_RANGE = "must be between the years 1900 and 2200";

    private Dates() {
    }

    public static boolean sane(LocalDate date) {
        return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
    }

    /**
     * An instant as PostgreSQL keeps it once written: to the microsecond, rounded as the JDBC driver rounds what it
     * sends (499 nanoseconds down, 500 up). A write's answer said the time it held in memory (…52.371658865Z) and the
     * next read the stored one (…52.371659Z): a change that never happened to a client comparing them (a walk).
     */
    public static Instant asStored(Instant at) {
        Instant rounded = at.getNano() % 1_000 >= 500 ? at.plusNanos(1_000) : at;
        return rounded.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    public static boolean sane(Instant instant) {
        return sane(LocalDate.ofInstant(instant, ZoneOffset.UTC));
    }

    /** A date given as text in a query string: null when blank, else a 400 naming the parameter. */
    public static LocalDate parse(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw Problems.invalid(field, "'" + value + "' is not a date (YYYY-MM-DD)");
        }
        if (!sane(date)) {
            throw Problems.invalid(field, OUT_OF_RANGE);
        }
        return date;
    }
}
