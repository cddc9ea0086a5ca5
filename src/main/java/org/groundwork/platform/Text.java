package org.groundwork.platform;

/** What a person typed into a free-text field, read the same way by the API, the pages and the import. */
public final class Text {

    private Text() {
    }

    /** A field left empty (or only spaces) is no value: null, never "" stored; else what was typed, trimmed. */
    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /**
     * A value quoted in a message, cut to at most {@code max} characters with an ellipsis: an answer may
     * quote a thousand cells, or a file's own words. Never cut between the two halves of a character
     * (an emoji, quoted half, showed as "?"), and NULs blanked, which no text column takes.
     */
    public static String preview(String s, int max) {
        if (max < 2) {
            throw new IllegalArgumentException("a preview holds at least a character and the ellipsis");
        }
        if (s == null) {
            return "";
        }
        String clean = s.replace('\0', ' ');
        if (clean.length() <= max) {
            return clean;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(clean.charAt(end - 1))) {
            end--;
        }
        return clean.substring(0, end) + "…";
    }
}
