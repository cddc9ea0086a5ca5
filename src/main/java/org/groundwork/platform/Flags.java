package org.groundwork.platform;

/** Query flags as sent: exactly true or false, anything else a 400 naming the parameter, not a silent "false". */
public final class Flags {

    private Flags() {
    }

    private static final String TRUE_OR_FALSE = "must be true or false";

    /** Null when not sent. */
    public static Boolean parse(String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw Problems.invalid(parameter, TRUE_OR_FALSE);
        };
    }

    /** A flag that must be given: not sent or blank is the same 400 as a word that is neither. */
    public static boolean required(String value, String parameter) {
        Boolean flag = parse(value, parameter);
        if (flag == null) {
            throw Problems.invalid(parameter, TRUE_OR_FALSE);
        }
        return flag;
    }
}
