package org.groundwork.platform;

/** Query flags as sent: exactly true or false, anything else a 400 naming the parameter, not a silent "false". */
public final class Flags {

    private Flags() {
    }

    /** Null when not sent. */
    public static Boolean parse(String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw Problems.invalid(parameter, "must be true or false");
        };
    }
}
