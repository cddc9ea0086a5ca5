package org.groundwork.platform;

/** One invalid field of a request: its JSON name and what is wrong with it. */
public record FieldError(String field, String message) {
}
