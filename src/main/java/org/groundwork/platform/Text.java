package org.groundwork.platform;

/** What a person typed into a free-text field, read the same way by the API, the pages and the import. */
public final class Text {

    private Text() {
    }

    /** A field left empty (or only spaces) is no value: null, never "" stored; else what was typed, trimmed. */
    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
