package org.groundwork.contact;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Size;
import org.groundwork.platform.FieldError;
import org.groundwork.platform.Problems;
import org.groundwork.platform.Text;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a person's own fields may hold: the one copy of these rules. The API's bodies, the
 * contact forms (which build the API's records) and each line of an import are checked here
 * by the same {@link Validator}, so the same value gets the same verdict, named by the same
 * field, through every door; contact's CHECK constraints (V1, V24_1) stand behind them in the
 * database. The wire records ({@code ContactJson.NewContact}, {@code ContactChange}) only
 * document these limits for the API's clients.
 * <p>
 * NUL characters are refused before this, at each door ({@code SafeJson}, {@code InputGuard},
 * the import's line check), in the same words.
 */
public record ContactFields(
        @NotBlank @Size(max = FULL_NAME) @Shown String fullName,
        @Size(max = PHONE) @Phones.Written(max = PHONE) String phone,
        @Email @Size(max = EMAIL) String email,
        @Size(max = NOTES) String notes) {

    public static final int FULL_NAME = 200;
    public static final int PHONE = 50;
    public static final int EMAIL = 254;
    public static final int NOTES = 10_000;
    public static final int TAGS = 50;
    public static final int TAG = 50;

    /**
     * A name must show something: one made only of characters that show nothing (a no-break or a zero-width
     * space, U+3164) was stored as a blank row in every list (the probe). Said as {@code @NotBlank} says it,
     * which speaks alone for an empty or all-space value; what counts as showing nothing is {@link Text#placeName}'s.
     */
    @Documented
    @Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD, ElementType.PARAMETER})
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = ShownValidator.class)
    public @interface Shown {
        String message() default "must not be blank";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    public static class ShownValidator implements ConstraintValidator<Shown, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank() || Text.placeName(value) != null;
        }
    }

    /**
     * A person's name as stored, found and compared: cleaned as a place's name is ({@link Text#placeName}:
     * composed, every kind of space one plain space, the characters that show nothing left out, trimmed).
     * A name pasted from a message kept its no-break space or doubled spaces, and "Sarah O'Connor" typed
     * plainly did not find it, nor did the door's "already in your contacts" (the walk). Called once the
     * name has met the rules above; kept as typed, trimmed, in the one case cleaning would break them
     * (composing lengthens a few scripts' names past {@link #FULL_NAME}), as V28_16 keeps such a stored name.
     */
    public static String storedName(String typed) {
        // trimmed first, so a name kept as it is (storedAgain's one exception) is kept as typed, trimmed
        return typed == null ? null : storedAgain(typed.trim());
    }

    /**
     * A name stored before names were cleaned, as V28_16 cleaned those of its day and a restore cleans an older
     * archive's: {@link Text#placeName}, but kept as it is when that would leave nothing, or pass the column's check
     * of V1 (200 characters, said here as a number: the check, not {@link #FULL_NAME}, is what the row must meet).
     */
    public static String storedAgain(String stored) {
        String clean = stored == null ? null : Text.placeName(stored);
        return clean == null || Text.characters(clean) > 200 ? stored : clean;
    }

    /** The names of the fields above, as the API and the forms name them. */
    public static final List<String> ALL = List.of("fullName", "phone", "email", "notes");

    /**
     * The rules these values break, among the fields named (all of them for a new contact; a
     * change's or an import line's own fields, which leave the others as stored).
     */
    public Set<ConstraintViolation<ContactFields>> broken(Validator validator, Collection<String> fields) {
        Set<ConstraintViolation<ContactFields>> broken = new LinkedHashSet<>();
        for (String field : fields) {
            broken.addAll(validator.validateValue(ContactFields.class, field, value(field)));
        }
        return broken;
    }

    /** Refuses the values as the API answers (a 400 naming each field) and the forms show (a message per field). */
    public void require(Validator validator, Collection<String> fields) {
        Set<ConstraintViolation<ContactFields>> broken = broken(validator, fields);
        if (!broken.isEmpty()) {
            throw new ConstraintViolationException(broken);
        }
    }

    /** The broken rules in the API's words (field, the validator's message), sorted as the API sorts them. */
    public List<FieldError> problems(Validator validator, Collection<String> fields) {
        List<FieldError> problems = new ArrayList<>();
        for (ConstraintViolation<ContactFields> v : broken(validator, fields)) {
            problems.add(new FieldError(v.getPropertyPath().toString(), v.getMessage()));
        }
        problems.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
        return problems;
    }

    private Object value(String field) {
        return switch (field) {
            case "fullName" -> fullName;
            case "phone" -> phone;
            case "email" -> email;
            case "notes" -> notes;
            default -> throw new IllegalArgumentException("Not a contact field: " + field);
        };
    }

    /**
     * Tags as stored: trimmed, empty ones and repeats dropped (first spelling kept, order kept).
     * A tag longer than {@link #TAG} (after trimming) or more than {@link #TAGS} of them are
     * added to {@code problems}, named as the API names them ({@code tags[2]}, {@code tags}).
     */
    public static String[] tags(List<String> raw, List<FieldError> problems) {
        if (raw == null) {
            return new String[0];
        }
        Set<String> tags = new LinkedHashSet<>();
        int before = problems.size();
        for (int i = 0; i < raw.size(); i++) {
            String t = raw.get(i) == null ? "" : raw.get(i).trim();
            if (Text.characters(t) > TAG) {
                problems.add(new FieldError("tags[" + i + "]", "must be at most " + TAG + " characters"));
            } else if (!t.isEmpty()) {
                tags.add(t);
            }
        }
        if (problems.size() == before && tags.size() > TAGS) {
            problems.add(new FieldError("tags", "at most " + TAGS + " tags"));
        }
        return tags.toArray(String[]::new);
    }

    /**
     * Why a request's tag may not hold a comma or a semicolon: the pages show a person's tags joined with commas
     * and read them back split at commas, and a CSV file's tags are split at both (the import; the export joins
     * them with commas), so such a tag came back as two (the walk). One stored before this rule is kept as it is.
     */
    static final String TAG_SEPARATOR = "must not hold a comma or a semicolon: the pages and CSV files separate tags with them";

    /** {@link #tags(List, List)} for a new contact's request: its problems are a 400. */
    static String[] tags(List<String> raw) {
        return tags(raw, new String[0]);
    }

    /**
     * {@link #tags(List, List)} for a change's request, the person's {@code stored} tags beside it: one stored before
     * the separator rule, sent back as it is (a client that sends the tags it read, with one added), passes.
     */
    static String[] tags(List<String> raw, String[] stored) {
        List<FieldError> problems = new ArrayList<>();
        List<String> before = stored == null ? List.of() : List.of(stored);
        for (int i = 0; raw != null && i < raw.size(); i++) {
            String t = raw.get(i);
            if (t != null && (t.indexOf(',') >= 0 || t.indexOf(';') >= 0) && !before.contains(t.trim())) {
                problems.add(new FieldError("tags[" + i + "]", TAG_SEPARATOR));
            }
        }
        String[] tags = tags(raw, problems);
        if (!problems.isEmpty()) {
            throw Problems.invalid(problems);
        }
        return tags;
    }
}
