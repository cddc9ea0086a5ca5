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
        for (E constant : type.getEnumConstants()) {
            if (constant.word().equals(value.trim())) {
                return constant;
            }
        }
        throw Problems.invalid(field, "'" + value + "' is not one of " + words(type));
    }

    static <E extends Enum<E> & Word> String words(Class<E> type) {
        StringBuilder all = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            all.append(all.length() == 0 ? "" : ", ").append(constant.word());
        }
        return all.toString();
    }
}
