package org.groundwork.platform;

import java.util.Set;

/**
 * A partial update (JSON merge patch): the typed, validated values plus which fields the
 * client actually sent, because "absent" (leave alone) and "null" (clear) differ.
 * Read one with {@link Patches#read}.
 */
public record Patch<T>(T value, Set<String> fields) {

    public boolean has(String field) {
        return fields.contains(field);
    }

    /** For fields that may be changed but not cleared. */
    public static <V> V required(V value, String field) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw Problems.invalid(field, "must not be empty");
        }
        return value;
    }
}
