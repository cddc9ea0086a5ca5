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
     * A place's name (an organization's, a unit's) as stored and compared: composed (NFC), every kind of
     * space (no-break, thin, ideographic, tabs) as one plain space, the invisible joiners and marks left
     * out, trimmed. "Café" typed with a combining accent, or "Acme\u00A0Warehouse" pasted from a web page,
     * had made a second organization beside the one of the same look; a name made only of such
     * characters is refused as blank.
     */
    public static String name(String field, String s) {
        if (s == null) {
            return null;
        }
        String n = placeName(s);
        if (n == null) {
            throw Problems.invalid(field, "must not be blank");
        }
        return n;
    }

    /** {@link #name} for a file's cell: null when nothing is left of it (an empty cell), never refused. */
    public static String placeName(String s) {
        if (s == null) {
            return null;
        }
        String n = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFC);
        n = INVISIBLE.matcher(n).replaceAll("");
        n = SPACES.matcher(n).replaceAll(" ").strip();
        return n.isEmpty() ? null : n;
    }

    /** Zero-width space and joiners, word joiner, byte-order mark, soft hyphen. */
    private static final java.util.regex.Pattern INVISIBLE = java.util.regex.Pattern.compile("[\\u200B-\\u200D\\u2060\\uFEFF\\u00AD]");
    private static final java.util.regex.Pattern SPACES =
            java.util.regex.Pattern.compile("[\\s\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]+");

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
