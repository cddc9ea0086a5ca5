package org.groundwork.platform;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An enum value as organizers write it ({@code less-involved}, {@code house-visit}): the same
 * word in JSON, in query parameters, in forms and in the database's CHECK constraints.
 */
public interface Word {

    @JsonValue
    String word();

    static <E extends Enum<E> & Word> E parse(Class<E> type, String value, String field) {
        if (value == null) {
            return null;
        }
        // a query parameter's or form's word has spaces around it dropped, as any typed text; a JSON
        // body's is taken only as written (SafeJson)
        E constant = exact(type, value.trim());
        if (constant == null) {
            throw Problems.invalid(field, "'" + value + "' is not one of " + words(type));
        }
        return constant;
    }

    /** The constant whose word is exactly {@code text}; null when none is. */
    static <T> T exact(Class<T> type, String text) {
        for (T constant : type.getEnumConstants()) {
            if (((Word) constant).word().equals(text)) {
                return constant;
            }
        }
        return null;
    }

    static <E extends Enum<E> & Word> String words(Class<E> type) {
        StringBuilder all = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            all.append(all.length() == 0 ? "" : ", ").append(constant.word());
        }
        return all.toString();
    }
}
