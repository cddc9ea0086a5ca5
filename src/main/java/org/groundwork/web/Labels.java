package org.groundwork.web;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;
import org.groundwork.organizer.CurrentOrganizer;
import org.groundwork.platform.Word;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How values read on a page: words as organizers say them, times in the team's time zone. */
@TemplateExtension
public final class Labels {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

    private Labels() {
    }

    /** "less-involved" reads "Less involved". */
    public static String label(Word word) {
        if (word == null) {
            return "";
        }
        String w = word.word().replace('-', ' ');
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    public static String day(Instant at) {
        return at == null ? "" : DAY.format(at.atZone(zone()));
    }

    public static String dayTime(Instant at) {
        return at == null ? "" : DAY_TIME.format(at.atZone(zone()));
    }

    public static String day(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    /** The team's zone; the team row is cached in the request's session, so this is no query per row. */
    static ZoneId zone() {
        return Arc.container().instance(CurrentOrganizer.class).get().team().zone();
    }
}
