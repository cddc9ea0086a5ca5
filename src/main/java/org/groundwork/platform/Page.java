package org.groundwork.platform;

import java.util.List;
import java.util.function.Function;

/** One page of a list; {@code nextCursor} is null on the last page. */
public record Page<T>(List<T> items, String nextCursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    /** What the API document says of a whole list's {@code limit} and {@code cursor} ({@link #whole}). */
    public static final String ONE_PAGE = "checked as every list's (1-200); this list is one page and answers all its items";
    public static final String NO_CURSOR = "none: this list gives out no cursor (nextCursor is always null), and refuses one";

    /** Checks a client's {@code limit}: 1..200, default 50. */
    public static int limit(Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw Problems.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return requested;
    }

    private static final java.util.regex.Pattern DIGITS = java.util.regex.Pattern.compile("[0-9]{1,9}");

    /**
     * A {@code limit} query parameter as sent: every list endpoint reads it as text and parses it
     * here, so {@code ?limit=abc} is a 400 naming it everywhere (JAX-RS answers an Integer
     * parameter that is not a number with a 404).
     */
    public static int limit(String requested) {
        if (requested == null || requested.isBlank()) {
            return limit((Integer) null);
        }
        // ASCII digits only (spaces around them forgiven), as the API reads ids and dates: Integer.valueOf also took
        // "+5" and other scripts' digits ("５", "٥"), which no other parameter takes (the walk)
        String digits = requested.trim();
        if (!DIGITS.matcher(digits).matches()) {
            throw Problems.invalid("limit", "must be a whole number between 1 and " + MAX_LIMIT);
        }
        return limit(Integer.valueOf(digits));
    }

    /**
     * A list that is always one page (an organization's units, a contact's ties, one's sessions and tokens:
     * dozens, not thousands): its {@code limit} is read as every list's, so {@code ?limit=abc} is the same 400,
     * and every item is answered whatever it says; a {@code cursor}, which this list never gives out, is the
     * 400 of one the API never gave (the probe: both were ignored).
     */
    public static <T> Page<T> whole(List<T> items, String limit, String cursor) {
        limit(limit);
        noCursor(cursor);
        return new Page<>(items, null);
    }

    /** A list that gives out no cursor (a whole list, a ranking's first {@code limit}) refuses one it is sent. */
    public static void noCursor(String cursor) {
        if (cursor != null && !cursor.isEmpty()) {
            throw Cursor.invalid();
        }
    }

    /**
     * Builds a page from a query that fetched {@code limit + 1} rows: the extra row only
     * tells that there is more, and the cursor points after the last row shown.
     */
    public static <T> Page<T> of(List<T> rows, int limit, Function<T, String> cursorOf) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<T> shown = rows.subList(0, limit);
        return new Page<>(List.copyOf(shown), cursorOf.apply(shown.get(limit - 1)));
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
