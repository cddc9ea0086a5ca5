package org.groundwork.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import org.groundwork.contact.Level;
import org.groundwork.platform.FieldError;
import org.groundwork.platform.ProblemException;
import org.groundwork.platform.Word;

import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Field messages for a form: page resources collect their own parse errors here and turn
 * the services' refusals (the same ones the API answers as problem+json) into a message per
 * field, so the form can show each one next to its field.
 */
public final class FormErrors {

    /** Under this key go messages that belong to no one field. */
    public static final String FORM = "form";

    private final Map<String, String> messages = new LinkedHashMap<>();

    public FormErrors add(String field, String message) {
        messages.putIfAbsent(field, message);
        return this;
    }

    public boolean isEmpty() {
        return messages.isEmpty();
    }

    public Map<String, String> map() {
        return messages;
    }

    /**
     * A refusal from a service; {@code rename} maps the API's field names to the form's. A 404
     * (the page's own id is unknown, or another team's) is not a form message: it goes on, so
     * every page answers 404 for it, like the API.
     */
    public static FormErrors of(RuntimeException e, Map<String, String> rename) {
        FormErrors errors = new FormErrors();
        if (e instanceof ProblemException p && p.status() == 404) {
            throw p;
        }
        if (e instanceof ConstraintViolationException cve) {
            for (ConstraintViolation<?> v : cve.getConstraintViolations()) {
                errors.add(rename.getOrDefault(fieldOf(v.getPropertyPath()), FORM), plain(v));
            }
        } else if (e instanceof ProblemException p && p.errors() != null && !p.errors().isEmpty()) {
            for (FieldError f : p.errors()) {
                errors.add(rename.getOrDefault(f.field(), FORM), plain(f.message()));
            }
        } else if (e instanceof ProblemException p) {
            errors.add(FORM, plain(p.getMessage()));
        } else {
            throw e;
        }
        return errors;
    }

    /**
     * What a page says for a broken constraint: the one place where the validator's words ("must
     * not be null", "size must be between 8 and 200") become an organizer's. The message sits
     * under the field's own label, so it does not repeat it.
     */
    static String plain(ConstraintViolation<?> v) {
        Annotation a = v.getConstraintDescriptor().getAnnotation();
        Map<String, Object> at = v.getConstraintDescriptor().getAttributes();
        Object value = v.getInvalidValue();
        if (!v.getConstraintDescriptor().getMessageTemplate().startsWith("{jakarta.validation.")) {
            return plain(v.getMessage()); // a message written for this field already
        }
        return switch (a.annotationType().getSimpleName()) {
            case "NotNull" -> isChoice(v) ? "Choose one" : "Fill this in";
            case "NotBlank", "NotEmpty" -> "Fill this in";
            case "Size" -> size(value, (Integer) at.get("min"), (Integer) at.get("max"));
            case "Min", "DecimalMin" -> "Use " + at.get("value") + " or more";
            case "Max", "DecimalMax" -> "Use " + at.get("value") + " or less";
            case "Positive" -> "Use a number above 0";
            case "PositiveOrZero" -> "Use 0 or more";
            case "Email" -> "Enter an email address, like name@example.org";
            case "Past", "PastOrPresent" -> "Use a time that has passed";
            case "Future", "FutureOrPresent" -> "Use a time still to come";
            case "Pattern" -> "This is not in the expected form";
            default -> v.getMessage();
        };
    }

    private static String size(Object value, int min, int max) {
        boolean text = value instanceof CharSequence;
        int length = text ? ((CharSequence) value).length() : value instanceof java.util.Collection<?> c ? c.size() : -1;
        String unit = text ? " characters" : "";
        String has = length < 0 ? "" : " (this has " + String.format(java.util.Locale.ENGLISH, "%,d", length) + ")";
        if (max == Integer.MAX_VALUE) {
            return "Use at least " + min + unit + has;
        }
        if (min <= 0 || (min == 1 && text)) {
            return "Use at most " + String.format(java.util.Locale.ENGLISH, "%,d", max) + unit + has;
        }
        return "Use " + min + " to " + String.format(java.util.Locale.ENGLISH, "%,d", max) + unit + has;
    }

    /** A missing enum or id is a choice the organizer did not make in a list. */
    private static boolean isChoice(ConstraintViolation<?> v) {
        Object bean = v.getLeafBean();
        String name = null;
        for (Path.Node node : v.getPropertyPath()) {
            name = node.getName();
        }
        if (bean == null || name == null) {
            return false;
        }
        for (RecordComponent c : bean.getClass().isRecord() ? bean.getClass().getRecordComponents() : new RecordComponent[0]) {
            if (c.getName().equals(name)) {
                return c.getType().isEnum() || c.getType() == java.util.UUID.class;
            }
        }
        return false;
    }

    /**
     * The services' own words, shared with the API, said the way the pages say things: field
     * names become the pages' labels and the API's words for levels read as on the page.
     */
    static String plain(String message) {
        if (message == null) {
            return "";
        }
        Matcher already = ALREADY_AT_LEVEL.matcher(message);
        if (already.matches()) {
            Level level = Word.parse(Level.class, already.group(1), "level");
            return "At that date their level was already " + Labels.label(level).toLowerCase(java.util.Locale.ROOT)
                    + ": choose another level, or the date of the change";
        }
        for (String[] p : PHRASES) {
            if (message.startsWith(p[0])) {
                return p[1] + message.substring(p[0].length());
            }
        }
        if (message.startsWith("is ") || message.startsWith("must ")) {
            return "This " + message; // "is not your current password", said of the field beside it
        }
        return Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }

    private static final Pattern ALREADY_AT_LEVEL = Pattern.compile("The contact's level at that time already is ([a-z-]+)");
    /** API phrase (a prefix) and what a page says instead. */
    private static final String[][] PHRASES = {
            {"must not be before from", "Must not be before the From date"},
            {"must not be empty", "Fill this in"},
            {"is required (a date, YYYY-MM-DD)", "Enter a date like 2026-05-01"},
            {"must be today or later in the team's time zone", "Choose today or a later day"},
            {"must not be in the future", "Use a time that has passed"},
            {"must not be more than a day in the future", "Use a time that has passed"},
            {"must not contain control characters", "Remove the invisible control characters"},
            {"must be true or false", "Tick the box or leave it empty"},
    };

    /** A form field's name is its API name unless renamed; the identity rename for convenience. */
    public static Map<String, String> names(String... fields) {
        Map<String, String> rename = new LinkedHashMap<>();
        for (String f : fields) {
            int eq = f.indexOf('=');
            if (eq < 0) {
                rename.put(f, f);
            } else {
                rename.put(f.substring(0, eq), f.substring(eq + 1));
            }
        }
        return rename;
    }

    private static String fieldOf(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() != ElementKind.PROPERTY || node.getName() == null) {
                continue;
            }
            field.append(field.length() == 0 ? "" : ".").append(node.getName());
        }
        return field.toString();
    }
}
