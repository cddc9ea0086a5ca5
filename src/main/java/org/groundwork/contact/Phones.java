package org.groundwork.contact;

/**
 * Phone numbers compared as digits in the team's country: "(718) 555-0102", "1-718-555-0102"
 * and "+1 718 555 0102" are one number for a team whose calling code is 1. Numbers of other
 * countries keep their code ("+44…"), so they never collide with a national number. The one
 * rule for "the same number": the import and the check-in at the door both use it.
 */
public final class Phones {

    private Phones() {
    }

    /** The comparison key of a phone number, or null when it holds no digits. */
    public static String key(String raw, String countryCode) {
        if (raw == null) {
            return null;
        }
        String trimmed = raw.trim();
        String digits = digits(trimmed);
        if (digits.isEmpty()) {
            return null;
        }
        String international;
        if (trimmed.startsWith("+")) {
            international = digits;
        } else if (digits.startsWith("00")) {
            international = digits.substring(2);
        } else if (digits.startsWith("0")) {
            // a trunk prefix: 020 7946 0958 is dialled within the country
            return stripZeros(digits);
        } else if (digits.startsWith(countryCode) && digits.length() > 10) {
            // "1 718 555 0102" or "44 20 7946 0958": a calling code written without the plus
            international = digits;
        } else {
            return digits;
        }
        if (international.startsWith(countryCode)) {
            // "+44 (0)20 …" writes the trunk zero too
            return stripZeros(international.substring(countryCode.length()));
        }
        return "+" + international;
    }

    private static String digits(String s) {
        StringBuilder d = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                d.append(c);
            }
        }
        return d.toString();
    }

    private static String stripZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }
}
