package org.groundwork.organizer;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;
import java.util.Set;

/**
 * A new password that is not among the first an attacker tries: the most used ones, one character
 * repeated, or a run along the digits, the alphabet or the keyboard. Length (8) alone let the walk set
 * "password". Applied to every field that sets a password; a login is never checked by it (an old
 * password still logs in, and is asked to change only when it is changed).
 */
@Documented
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Guessable.Check.class)
public @interface Guessable {

    /** The API's words; web/Refusals says them on the pages. */
    String MESSAGE = "is one of the passwords tried first when an account is attacked; choose another"
            + " (a few words in a row are long and easy to remember)";

    /** A new password's length, as every field that sets one says it with @Size. */
    int SHORTEST = 8;
    int LONGEST = 200;

    String message() default MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<Guessable, String> {

        /** Runs a password may be a part of, forwards or backwards. */
        private static final String[] RUNS = {"01234567890", "abcdefghijklmnopqrstuvwxyz", "qwertyuiop", "asdfghjkl",
                "zxcvbnm", "1q2w3e4r5t6y", "1qaz2wsx3edc"};

        /**
         * The most used passwords of 8 characters or more in public breach lists, lower case (a capital
         * or a digit added at the end is how most are made: those are folded below).
         */
        private static final Set<String> COMMON = Set.of("password", "password1", "password12", "password123",
                "passw0rd", "p@ssw0rd", "p@ssword", "iloveyou", "sunshine", "princess", "football", "baseball",
                "welcome", "welcome1", "welcome123", "superman", "trustno1", "letmein", "letmein1", "starwars",
                "whatever", "computer", "michelle", "jennifer", "corvette", "mercedes", "internet", "samantha",
                "maverick", "changeme", "changeme1", "administrator", "admin123", "admin1234", "monkey123",
                "dragon123", "qwerty123", "qwerty12", "123qweasd", "aa123456", "abc12345", "abcd1234", "1234qwer",
                "qwer1234", "q1w2e3r4", "zaq12wsx", "123456abc", "1q2w3e4r", "1qaz2wsx", "qwertyui", "asdfghjk",
                "zxcvbnm1", "11223344", "12341234", "123123123", "12121212", "11112222", "88888888", "iloveyou1",
                "football1", "baseball1", "superman1", "princess1", "sunshine1", "charlie1", "jordan23",
                "michael1", "shadow12", "master12", "master123", "secret123", "freedom1", "solidarity",
                "groundwork", "groundwork1", "organize", "organizer", "organizing", "contraseña", "contrasena",
                "dragon", "monkey", "shadow", "master", "qwerty",
                "contraseña1", "contrasena1", "bienvenido", "tequiero", "teamo123", "union123");

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            // one too short or too long is @Size's to say: an empty new password was told it is "one of the
            // passwords tried first" (the walk), and so were 300 x's rather than "at most 200" (the next). The raw
            // length, as @Size counts it: eight spaces and a letter are still judged
            return value == null || value.length() < SHORTEST || value.length() > LONGEST || !guessable(value);
        }

        static boolean guessable(String password) {
            String p = password.strip().toLowerCase(Locale.ROOT);
            if (p.chars().distinct().count() <= 2 || repeats(p)) {
                return true; // "aaaaaaaa", "abababab", "abcabcabc"
            }
            // "Password1!", "password2024", "Qwerty123!", "dragon12": a common word or a run with digits and
            // marks added at its end
            String stem = p.replaceAll("[0-9!.@#$%^&*?_-]+$", "");
            if (COMMON.contains(p) || COMMON.contains(stem)) {
                return true;
            }
            return run(p) || (stem.length() >= 4 && run(stem));
        }

        /** Part of a run along the digits, the alphabet or the keyboard, either way: "12345678", "hgfedcba". */
        private static boolean run(String p) {
            for (String run : RUNS) {
                if (run.contains(p) || new StringBuilder(run).reverse().toString().contains(p)) {
                    return true;
                }
            }
            return false;
        }

        /** The same few characters over and over ("abcabcabc", "123123123"). */
        private static boolean repeats(String p) {
            for (int unit = 1; unit <= 4 && unit < p.length(); unit++) {
                if (p.length() % unit == 0 && p.substring(0, unit).repeat(p.length() / unit).equals(p)) {
                    return true;
                }
            }
            return false;
        }
    }
}
