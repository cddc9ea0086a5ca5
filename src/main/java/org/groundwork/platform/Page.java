package org.groundwork.platform;

import java.util.List;
import java.util.function.Function;

/** One page of a list; {@code nextCursor} is null on the last page. */
public record Page<T>(List<T> items, String nextCursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

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

    /**
     * A {@code limit} query parameter as sent: every list endpoint reads it as text and parses it
     * here, so {@code ?limit=abc} is a 400 naming it everywhere (JAX-RS answers an Integer
     * parameter that is not a number with a 404).
     */
    public static int limit(String requested) {
        if (requested == null || requested.isBlank()) {
            return limit((Integer) null);
        }
        try {
            return limit(Integer.valueOf(requested.trim()));
        } catch (NumberFormatException e) {
            throw Problems.invalid("limit", "must be a whole number between 1 and " + MAX_LIMIT);
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
