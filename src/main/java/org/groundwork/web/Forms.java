package org.groundwork.web;

import org.groundwork.platform.Dates;
import org.groundwork.platform.Ids;
import org.groundwork.platform.Word;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reading form fields, which arrive as text: a value that does not parse becomes a message
 * on its field instead of an error page, and blank means "not given".
 */
public final class Forms {

    private Forms() {
    }

    /**
     * The fields of a form as posted (or as stored), to show it again with its messages:
     * name, value, name, value… Values may be null (a field left empty); the map may be added to.
     */
    public static Map<String, String> values(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        Map<String, String> form = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return form;
    }

    /** The pages' name for {@link org.groundwork.platform.Text#blankToNull}: one rule for the API, pages and import. */
    public static String blankToNull(String s) {
        return org.groundwork.platform.Text.blankToNull(s);
    }

    public static Integer whole(String value, String field, FormErrors errors) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            if (v.matches("[+-]?[0-9]+")) {
                // a whole number too large for an int: past every field's range, which its own check then says
                // ("Use 0 to 3650"), not "Enter a whole number" (the walk: 99999999999 days)
                return v.startsWith("-") ? Integer.MIN_VALUE : Integer.MAX_VALUE;
            }
            errors.add(field, PageLanguage.msg().form_whole_number());
            return null;
        }
    }

    public static LocalDate date(String value, String field, FormErrors errors) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(v);
            if (!Dates.sane(date)) {
                errors.add(field, PageLanguage.msg().form_date_range());
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.add(field, PageLanguage.msg().form_date());
            return null;
        }
    }

    /**
     * A date and time typed as on the clocks of {@code zone} (the team's). Its instant meets Dates' years
     * as the API and a restore read it (in UTC), not the typed date: 1900-01-01 10:00 on UTC+14 is 1899
     * there, which a page stored and the team's archive then no longer restored.
     */
    public static LocalDateTime dateTime(String value, String field, ZoneId zone, FormErrors errors) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            LocalDateTime time = LocalDateTime.parse(v);
            // a time the team's clocks skipped (spring forward): atZone would move it on by the gap
            // without a word, and the conversation would be logged an hour after the one typed
            ZoneOffsetTransition change = zone.getRules().getTransition(time);
            if (change != null && change.isGap()) {
                // a whole day skipped (Pacific/Apia, 2011-12-30) names its dates; seconds only where the gap has them
                boolean sameDay = change.getDateTimeBefore().toLocalDate().equals(change.getDateTimeAfter().toLocalDate());
                errors.add(field, PageLanguage.msg().form_date_time_skipped(
                        sameDay ? change.getDateTimeBefore().toLocalTime().toString() : change.getDateTimeBefore().toString(),
                        sameDay ? change.getDateTimeAfter().toLocalTime().toString() : change.getDateTimeAfter().toString()));
                return null;
            }
            if (!Dates.sane(time.atZone(zone).toInstant())) {
                errors.add(field, PageLanguage.msg().form_date_range());
                return null;
            }
            return time;
        } catch (DateTimeParseException e) {
            errors.add(field, PageLanguage.msg().form_date_time());
            return null;
        }
    }

    public static UUID id(String value, String field, FormErrors errors) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            return Ids.read(v);
        } catch (IllegalArgumentException e) {
            errors.add(field, PageLanguage.msg().form_choose_from_list());
            return null;
        }
    }

    public static <E extends Enum<E> & Word> E word(Class<E> type, String value, String field, FormErrors errors) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.word().equals(v)) {
                return constant;
            }
        }
        errors.add(field, PageLanguage.msg().form_choose_from_list());
        return null;
    }

    /** The choices of a select: each word with its label. */
    public static <E extends Enum<E> & Word> List<Option> options(Class<E> type) {
        List<Option> options = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            options.add(new Option(constant.word(), Labels.label(constant)));
        }
        return options;
    }
}
