package org.groundwork.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import org.groundwork.platform.FieldError;
import org.groundwork.platform.ProblemException;
import org.groundwork.platform.Text;

import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Field messages for a form: page resources collect their own parse errors here and turn
 * the services' refusals (the same ones the API answers as problem+json) into a message per
 * field, so the form can show each one next to its field.
 */
public final class FormErrors {

    /** An API field name of one item of a list: {@code tags[2]}. */
    private static final java.util.regex.Pattern ITEM = java.util.regex.Pattern.compile("(\\w+)\\[(\\d{1,6})\\]");

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
        return of(e, rename, field -> 2);
    }

    /**
     * {@link #of(RuntimeException, Map)} for a form that says how many items it sent under a field
     * ({@code items}): an item's message names its number only among several ("Number 1 in the list"
     * under a single box said nothing the box did not).
     */
    static FormErrors of(RuntimeException e, Map<String, String> rename, java.util.function.ToIntFunction<String> items) {
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
                java.util.regex.Matcher item = ITEM.matcher(f.field());
                if (!rename.containsKey(f.field()) && item.matches() && rename.containsKey(item.group(1))) {
                    // "tags[2]": said under the tags field, naming which one, not at the top of the form
                    String field = rename.get(item.group(1));
                    errors.add(field, items.applyAsInt(field) == 1 ? plain(f.message()) : PageLanguage.msg().form_list_item(
                            String.valueOf(Integer.parseInt(item.group(2)) + 1), plain(f.message())));
                    continue;
                }
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
        Msg msg = PageLanguage.msg();
        return switch (a.annotationType().getSimpleName()) {
            case "NotNull" -> isChoice(v) ? msg.form_choose_one() : msg.form_fill_in();
            case "NotBlank", "NotEmpty" -> msg.form_fill_in();
            case "Size" -> size(value, (Integer) at.get("min"), (Integer) at.get("max"));
            // grouped as the page's language writes numbers, as the characters' bounds are: "Use 1,440 or less" beside
            // "Use at most 5,000 characters" (a walk: "1440")
            case "Min", "DecimalMin" -> msg.form_at_least(bound(at.get("value")));
            case "Max", "DecimalMax" -> msg.form_at_most(bound(at.get("value")));
            case "Positive" -> msg.form_positive();
            case "PositiveOrZero" -> msg.form_positive_or_zero();
            case "Email" -> msg.form_email();
            case "Past", "PastOrPresent" -> msg.form_past();
            case "Future", "FutureOrPresent" -> msg.form_future();
            case "Pattern" -> msg.form_pattern();
            default -> v.getMessage();
        };
    }

    /** A bound of Min or Max: a number, grouped; a DecimalMin's text as written. */
    private static String bound(Object value) {
        return value instanceof Number n ? Labels.number(n) : String.valueOf(value);
    }

    private static String size(Object value, int min, int max) {
        Msg msg = PageLanguage.msg();
        boolean text = value instanceof CharSequence;
        int length = text ? Text.characters((CharSequence) value) : value instanceof java.util.Collection<?> c ? c.size() : -1;
        if (!text) {
            return max == Integer.MAX_VALUE ? msg.form_at_least(String.valueOf(min)) : msg.form_between(String.valueOf(min), Labels.number(max));
        }
        if (length == 0) {
            // too short and empty: "use at most 200 characters (this has 0)" sends the organizer the wrong way
            return msg.form_fill_in();
        }
        String has = Labels.number(length);
        if (max == Integer.MAX_VALUE) {
            return msg.form_at_least_characters(Labels.number(min), has);
        }
        if (min <= 1) {
            return msg.form_at_most_characters(Labels.number(max), has);
        }
        return msg.form_between_characters(String.valueOf(min), Labels.number(max), has);
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
     * The services' own words, shared with the API, said the way the pages say things, in the
     * page's language: {@link Refusals} holds the one table from the API's wordings to the pages'
     * messages. A wording it does not know (none a page can reach, RefusalsTest checks) reads as
     * the API says it, as a sentence.
     */
    static String plain(String message) {
        if (message == null) {
            return "";
        }
        Optional<String> said = Refusals.find(message);
        if (said.isPresent()) {
            return said.get();
        }
        if (message.startsWith("is ") || message.startsWith("must ")) {
            return "This " + message; // "is not your current password", said of the field beside it
        }
        return Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }

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
