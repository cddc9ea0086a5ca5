package org.groundwork.contact;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.groundwork.platform.Text;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phone numbers compared as digits in the team's country: "(718) 555-0102", "1-718-555-0102"
 * and "+1 718 555 0102" are one number for a team whose calling code is 1. Numbers of other
 * countries keep their code ("+44…"), so they never collide with a national number. The one
 * rule for "the same number": the import and the check-in at the door both use it.
 * <p>
 * And the one rule for what a phone number may be written as ({@link #written}), which
 * {@link ContactFields} applies to every door through {@link Written}.
 */
public final class Phones {

    /** A short code or an extension-less local number has at least this many ("911", "555"). */
    public static final int FEWEST_DIGITS = 3;
    /** E.164 allows 15; an international prefix dialled before it (00, 011) fits too. */
    public static final int MOST_DIGITS = 20;

    /**
     * The validator's words, as the API says them (the numbers above), once: every way {@link #written}
     * takes, the bracketed '+' and each way of writing an extension included, so that an organizer told
     * it can fix the number. The pages say theirs (web/Refusals). One literal, so that the test of the
     * pages' table (RefusalsTest) reads it in the import's messages.
     */
    public static final String NOT_WRITTEN = "must be a phone number of 3 to 20 digits, written with spaces, - ( ) . / and a + only at the start, as +34 or (+34), then perhaps an extension as x12, ext 12, #12, ,,12 or ;ext=12";

    /** The rule in the API document's words (the phone fields' {@code @Schema}). */
    public static final String DESCRIPTION = "When given, it " + NOT_WRITTEN + ". Any other text is a 400 naming the field.";

    /** An extension at the end: "x123", "ext 123", "ext. 123", "extension 123" (any case, a comma before it too). */
    private static final Pattern EXTENSION = Pattern.compile("(?i)(?:x|ext\\.?|extension)\\s*[0-9]+$");
    /**
     * The other ways to write what is dialled after the number, matched against all that follows the
     * first '#', ',' or ';': "#12", dialling pauses ",,12" and RFC 3966's ";ext=12".
     */
    private static final Pattern AFTER_NUMBER = Pattern.compile("(?i)(?:#|,+|;ext=)\\s*[0-9]+");

    private Phones() {
    }

    /**
     * Whether this is written as a phone number: digits and the signs of phone notation (spaces,
     * - ( ) . /, the dashes and spaces a pasted number brings), a '+' only as its first character
     * or right after a leading '(',
     * {@value #FEWEST_DIGITS} to {@value #MOST_DIGITS} digits, then perhaps an extension
     * (x12, ext 12, #12, ";ext=12") or dialling pauses (",,12"). Words
     * ("call after 5"), letters, a '+' inside and 60 digits are not. A blank one is no number at all,
     * which the optional field allows.
     */
    public static boolean written(String raw) {
        if (raw == null || raw.isBlank()) {
            return true;
        }
        String number = raw.strip();
        Matcher extension = EXTENSION.matcher(number);
        if (extension.find()) {
            // the separator before it (spaces, a comma) is not part of the number; trimmed by hand,
            // not by the pattern, which would try it from every space of a long value
            int end = extension.start();
            while (end > 0 && (Character.isWhitespace(number.charAt(end - 1)) || number.charAt(end - 1) == ',')) {
                end--;
            }
            number = number.substring(0, end);
        } else {
            int separator = firstOf(number, "#,;");
            if (separator >= 0) {
                if (!AFTER_NUMBER.matcher(number.substring(separator)).matches()) {
                    return false;
                }
                number = number.substring(0, separator).stripTrailing();
            }
        }
        int digits = 0;
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (!(c == '+' && leadingPlus(number, i)) && " -()./".indexOf(c) < 0
                    && Character.getType(c) != Character.SPACE_SEPARATOR
                    && Character.getType(c) != Character.DASH_PUNCTUATION) {
                return false;
            }
        }
        return digits >= FEWEST_DIGITS && digits <= MOST_DIGITS;
    }

    /** A '+' first, or right after a leading '(' as Spain and Latin America write it: "(+34) 612 345 678". */
    private static boolean leadingPlus(String number, int i) {
        return i == 0 || (i == 1 && number.charAt(0) == '(');
    }

    private static int firstOf(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A phone field's rule ({@link #written}). A value longer than the field holds (in characters, as its
     * {@code @Size} counts them: platform/TextSize) is left to that {@code @Size}, so a field gets one message, the
     * one about its length.
     */
    @Documented
    @Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD, ElementType.PARAMETER})
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = WrittenValidator.class)
    public @interface Written {
        String message() default NOT_WRITTEN;

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        /** The field's length, past which its {@code @Size} speaks instead. */
        int max();
    }

    public static class WrittenValidator implements ConstraintValidator<Written, String> {
        private int max;

        @Override
        public void initialize(Written written) {
            max = written.max();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || Text.characters(value) > max || written(value);
        }
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
        if (trimmed.startsWith("+") || trimmed.startsWith("(+")) {
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
