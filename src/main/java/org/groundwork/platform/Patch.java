package org.groundwork.platform;

import java.util.Set;

/**
 * A partial update (JSON merge patch): the typed, validated values plus which fields the
 * client actually sent, because "absent" (leave alone) and "null" (clear) differ.
 * Read one with {@link Patches#read}.
 */
public record Patch<T>(T value, Set<String> fields) {

    /** RFC 7386's own media type, which every PATCH takes beside application/json (the same body either way). */
    public static final String MERGE_PATCH = "application/merge-patch+json";

    public boolean has(String field) {
        return fields.contains(field);
    }

    /** For fields that may be changed but not cleared. */
    public static <V> V required(V value, String field) {
        if (emptied(value)) {
            throw Problems.invalid(field, EMPTIED);
        }
        return value;
    }

    /** A field the patch sets to nothing that may not be cleared, said with a form's other mistakes; else null. */
    public FieldError emptied(String field, Object value) {
        return has(field) && emptied(value) ? new FieldError(field, EMPTIED) : null;
    }

    private static final String EMPTIED = "must not be empty";

    private static boolean emptied(Object value) {
        return value == null || (value instanceof String s && s.isBlank());
    }
}
