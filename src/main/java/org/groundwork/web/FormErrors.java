package org.groundwork.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import org.groundwork.platform.FieldError;
import org.groundwork.platform.ProblemException;

import java.util.LinkedHashMap;
import java.util.Map;

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
                errors.add(rename.getOrDefault(fieldOf(v.getPropertyPath()), FORM), v.getMessage());
            }
        } else if (e instanceof ProblemException p && p.errors() != null && !p.errors().isEmpty()) {
            for (FieldError f : p.errors()) {
                errors.add(rename.getOrDefault(f.field(), FORM), f.message());
            }
        } else if (e instanceof ProblemException p) {
            errors.add(FORM, p.getMessage());
        } else {
            throw e;
        }
        return errors;
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
