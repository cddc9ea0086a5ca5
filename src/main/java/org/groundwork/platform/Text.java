package org.groundwork.platform;

/** What a person typed into a free-text field, read the same way by the API, the pages and the import. */
public final class Text {

    private Text() {
    }

    /**
     * The characters of a text as the database's checks count them (PostgreSQL's {@code length()}): one per code
     * point, where {@code String.length()} counts an emoji as two ({@link TextSize}).
     */
    public static int characters(CharSequence s) {
        return Character.codePointCount(s, 0, s.length());
    }

    /**
     * A field left empty (or only spaces) is no value: null, never "" stored; else what was typed, trimmed. Only
     * control characters are none either: trim() drops those up to U+0020, so "\u0001" was stored as "" (a walk).
     */
    public static String blankToNull(String s) {
        if (s == null) {
            return null;
        }
        // spaces of any kind and control characters (C0, DEL, C1) alone are no text
        boolean nothing = s.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.isISOControl(c));
        return nothing ? null : s.trim();
    }

    /**
     * Nothing typed that shows: null, or only spaces of any kind (a tab, an em space, a no-break space) and
     * characters that show nothing ({@link #INVISIBLE}, the joiners). A search of these is a blank search box:
     * a tab listed everyone and a no-break space no one (a walk).
     */
    public static boolean showsNothing(String s) {
        return s == null || UNSEEN_ALONE.matcher(INVISIBLE.matcher(SPACES.matcher(s).replaceAll("")).replaceAll(""))
                .replaceAll("").isEmpty();
    }

    /**
     * A place's name (an organization's, a unit's) as stored and compared: composed (NFC), every kind of
     * space (no-break, thin, ideographic, tabs, controls) as one plain space, the characters that show
     * nothing ({@link #INVISIBLE}) left out, trimmed, and at most {@code max} characters once composed. "Café" typed with a combining accent, or "Acme\u00A0Warehouse" pasted from a web page,
     * had made a second organization beside the one of the same look; a name made only of such
     * characters is refused as blank.
     */
    public static String name(String field, String s, int max) {
        if (s == null) {
            return null;
        }
        String n = placeName(s);
        if (n == null) {
            throw Problems.invalid(field, "must not be blank");
        }
        if (n.length() > max && characters(n) > max) {
            // composing can lengthen a name (U+0958 is two characters in NFC): the column's check refused it
            // with a 409 naming no field; said as the record's @Size says it
            throw Problems.invalid(field, "size must be between 0 and " + max);
        }
        return n;
    }

    /**
     * {@link #name} for a file's cell: null when nothing is left of it (an empty cell), never refused. A name cleaned
     * once is clean: the search cleans the words typed and compares them with the name as stored, and a restore
     * cleans an older archive's names again. One pass can leave work for a second (composing reorders accents, so a
     * joiner kept after one mark then follows another: the review), so the passes repeat until nothing changes;
     * a plain ASCII name, most of them, needs none.
     */
    public static String placeName(String s) {
        if (s == null || plainAscii(s)) {
            return s;
        }
        String n = cleanedOnce(s);
        for (int round = 0; n != null && round < 4; round++) {
            String again = cleanedOnce(n);
            if (n.equals(again)) {
                return n;
            }
            n = again;
        }
        return n;
    }

    /** Printable ASCII, single spaces, none at either end: as {@link #placeName} would leave it. */
    private static boolean plainAscii(String s) {
        int last = s.length() - 1;
        if (last < 0 || s.charAt(0) == ' ' || s.charAt(last) == ' ') {
            return false;
        }
        for (int i = 0; i <= last; i++) {
            char c = s.charAt(i);
            if (c < ' ' || c > '~' || c == ' ' && s.charAt(i - 1) == ' ') {
                return false;
            }
        }
        return true;
    }

    private static String cleanedOnce(String s) {
        String n = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFC);
        n = withoutStraySelectors(withoutStrayTags(INVISIBLE.matcher(n).replaceAll("")));
        n = SPACES.matcher(n).replaceAll(" ");
        // a joiner joins nothing at an end of the name or beside a space: "Acme" + ZWJ was another name of the
        // same look (the review); the spaces it had stood between are one space again (PlaceNameOnceTest)
        n = SPACES.matcher(LOOSE_JOINERS.matcher(n).replaceAll("")).replaceAll(" ").strip();
        n = withoutStrayJoiners(n);
        // composed again: an invisible character between a letter and its accent ("Cafe", a soft hyphen, an accent)
        // kept them apart through the first pass, and "Café" so written was another place of the same look (the review)
        n = java.text.Normalizer.normalize(n, java.text.Normalizer.Form.NFC);
        // an accent at the start sits on nothing of the name (on the quote before it, in a list): the walk stored one;
        // with the spaces and joiners among such accents
        n = LEADING_MARKS.matcher(n).replaceAll("");
        // the joiners and the Mongolian variation selectors are kept inside a name (they join letters, choose a
        // letter's shape), but alone they show nothing (the probe: a name of one ZWJ)
        return n.isEmpty() || UNSEEN_ALONE.matcher(n).replaceAll("").isBlank() || !shows(n) ? null : n;
    }

    /**
     * Combining marks at the start of a name or of one of its words (after a space), where they combine with nothing
     * of it (a floating accent: "Acme \u0301" was another organization than "Acme", the walk), and the spaces and
     * joiners among them.
     */
    private static final java.util.regex.Pattern LEADING_MARKS = java.util.regex.Pattern.compile("(?:^|(?<= ))[\\p{M}\\u180B-\\u180F \\u200C\\u200D]+");
    /**
     * A name shows something: a letter, a digit, a punctuation mark or a symbol (an emoji). Marks alone and the
     * private-use characters (a font's own picture, an empty box in any other) are no name: the walk stored each.
     * A character this JVM's Unicode does not know yet counts as shown only in the emoji's blocks or in a block
     * newer than Java 17's Unicode 13 (which a newer JVM would take); elsewhere it draws an empty box (the walk).
     */
    private static final java.util.regex.Pattern SHOWN = java.util.regex.Pattern.compile("[\\p{L}\\p{N}\\p{P}\\p{S}]");

    private static boolean shows(String n) {
        return SHOWN.matcher(n).find() || n.codePoints().anyMatch(c -> newerEmoji(c) || newerLetter(c));
    }

    /**
     * Not assigned in this JVM's Unicode, outside any block it knows, in the planes of the scripts (0-3): a letter
     * of a script or block newer than Java 17's Unicode 13 (CJK Extension H, added for people's names; Kawi); a name
     * of them was "blank" (the review). An unassigned place inside a known block (U+0378, Greek) or past plane 3 is not.
     */
    private static boolean newerLetter(int c) {
        return Character.getType(c) == Character.UNASSIGNED && c <= 0x3FFFF && Character.UnicodeBlock.of(c) == null;
    }

    /** Not assigned in this JVM's Unicode, in the emoji's blocks: an emoji newer than Java 17's Unicode 13. */
    private static boolean newerEmoji(int c) {
        return Character.getType(c) == Character.UNASSIGNED && c >= 0x1F000 && c <= 0x1FAFF;
    }

    /**
     * The noncharacters (U+FDD0-FDEF, and the last two code points of every plane, U+FFFF among them): never a
     * character of any text, for a program's own use (the walk stored U+FFFF in a name).
     */
    private static final String NONCHARACTERS = "\\uFDD0-\\uFDEF" + java.util.stream.IntStream.rangeClosed(0, 16)
            .mapToObj(plane -> String.format("\\x{%X}\\x{%X}", plane * 0x10000 + 0xFFFE, plane * 0x10000 + 0xFFFF))
            .collect(java.util.stream.Collectors.joining());
    /**
     * Characters that show nothing in a name: zero-width space, word joiner, byte-order mark, soft hyphen,
     * the direction marks, embeddings and isolates (U+202E turns how a name reads), Mongolian vowel
     * separator, combining grapheme joiner, variation selectors (the emoji one only where it selects nothing:
     * {@link #withoutStraySelectors}), tag characters ({@link #withoutStrayTags}) and the rest of their plane's block (the variation selectors
     * supplement; unassigned code points that draw nothing, as U+2065 and U+FFF0-FFF8: the review); the Arabic letter mark, the
     * invisible operators (U+2061-2064), Khmer's inherent vowels (U+17B4-17B5) and the musical formatting
     * characters (U+1D173-1D17A), which the probe found stored as a name. The zero-width joiner and non-joiner
     * are kept inside a name (Persian and Indic spellings need them), as are the Mongolian free variation
     * selectors (they choose a letter's shape): {@link #UNSEEN_ALONE}.
     */
    private static final java.util.regex.Pattern INVISIBLE = java.util.regex.Pattern.compile(
            "[\\u200B\\u2060\\uFEFF\\u00AD\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069\\u180E\\u034F\\uFE00-\\uFE0E"
                    + "\\u061C\\u2061-\\u2064\\u17B4\\u17B5\\x{1D173}-\\x{1D17A}"
                    + "\\u2065\\uFFF0-\\uFFF8\\x{E0000}-\\x{E001F}\\x{E0080}-\\x{E0FFF}" + NONCHARACTERS + "]");
    /** Kept inside a name, not as the whole of it: the joiners, the Mongolian free variation selectors. */
    private static final java.util.regex.Pattern UNSEEN_ALONE = java.util.regex.Pattern.compile("[\\u200C\\u200D\\u180B-\\u180D\\u180F]");
    /** A joiner at either end of a name or beside a space, where it joins nothing. */
    private static final java.util.regex.Pattern LOOSE_JOINERS = java.util.regex.Pattern.compile(
            "(?:^|(?<= ))[\\u200C\\u200D]++|[\\u200C\\u200D]++(?= |$)");
    /**
     * Without a joiner after a character of a script that joins nothing with it: the joiners shape the scripts that
     * join their letters (Arabic, Syriac, N'Ko, Mongolian and their kin; the Brahmic scripts of South and Southeast
     * Asia, after a virama), as IDNA's CONTEXTJ rule has it, here by Unicode block ({@link #joins}); "14" ZWJ
     * "00 River Street" beside "1400 River Street" was a second place of the same look (the probe). A joiner after a
     * kept one stays (ZWNJ ZWJ in Arabic). A loop over code points, not a lookbehind: Java's lookbehind missed the
     * scripts past U+FFFF (the review), and V28_15 copies the same blocks.
     * <p>
     * Emoji too: a zero-width joiner after an emoji, its skin tone or its selector ({@link #withoutStraySelectors})
     * makes one picture of several ("🏳️‍🌈" is a flag, a selector, a joiner, a rainbow); without it a name showed two
     * pictures (the walk).
     */
    private static String withoutStrayJoiners(String name) {
        if (name.indexOf('\u200C') < 0 && name.indexOf('\u200D') < 0) {
            return name;
        }
        return kept(name, (before, c, next) -> !(c == 0x200C || c == 0x200D) || before == 0x200C || before == 0x200D
                || before >= 0 && joins(before) || c == 0x200D && before >= 0 && emoji(before));
    }

    /**
     * Without the tag characters (U+E0020-E007F), which show nothing, except in the flags of a country's part that
     * Unicode lists (England's, Scotland's, Wales's: the black flag, "gbeng", "gbsct" or "gbwls" as tags, the cancel
     * tag); without them Scotland's was a black flag (the walk). Any other tags draw the black flag alone, and hidden
     * words behind a flag were another name of the same look (the review).
     */
    private static String withoutStrayTags(String name) {
        if (name.indexOf('\uDB40') < 0) {
            return name; // every tag character is U+DB40 and a low surrogate
        }
        StringBuilder kept = new StringBuilder(name.length());
        next:
        for (int i = 0; i < name.length(); ) {
            for (String flag : SUBDIVISION_FLAGS) {
                if (name.startsWith(flag, i)) {
                    kept.append(flag);
                    i += flag.length();
                    continue next;
                }
            }
            int c = name.codePointAt(i);
            i += Character.charCount(c);
            if (c < 0xE0020 || c > 0xE007F) {
                kept.appendCodePoint(c);
            }
        }
        return kept.toString();
    }

    /** The black flag with the tags of a country's part Unicode recommends, and the cancel tag. */
    private static final java.util.List<String> SUBDIVISION_FLAGS = java.util.stream.Stream.of("gbeng", "gbsct", "gbwls")
            .map(part -> new StringBuilder().appendCodePoint(0x1F3F4)
                    .append(part.chars().mapToObj(ch -> Character.toString(0xE0000 + ch))
                            .collect(java.util.stream.Collectors.joining()))
                    .appendCodePoint(0xE007F).toString())
            .toList();

    /** Whether a code point stays, seen with the one kept before it (-1: none) and the one after it (-1: none). */
    private interface Keeps {
        boolean keep(int before, int c, int next);
    }

    /** The name's code points that {@code keeps} keeps: one loop over code points for the joiners and the selectors. */
    private static String kept(String name, Keeps keeps) {
        StringBuilder kept = new StringBuilder(name.length());
        int before = -1;
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            i += Character.charCount(c);
            if (keeps.keep(before, c, i < name.length() ? name.codePointAt(i) : -1)) {
                kept.appendCodePoint(c);
                before = c;
            }
        }
        return kept.toString();
    }

    /**
     * Without the emoji presentation selector (U+FE0F) where it selects nothing: after a symbol it shows the symbol as
     * a picture ("❤️") and holds the emoji sequences together, elsewhere it shows nothing ("Acme" + U+FE0F was another
     * name of the same look). Before the spaces are read, so one it stood between is one space.
     */
    private static String withoutStraySelectors(String name) {
        if (name.indexOf('\uFE0F') < 0) {
            return name;
        }
        return kept(name, (before, c, next) -> c != 0xFE0F || before >= 0 && pictured(before, next));
    }

    /**
     * Whether the emoji selector after {@code c} (and before {@code next}) shows a picture: after a symbol ("❤️", "↔️")
     * or a punctuation mark past ASCII ("‼️"), after the two emoji Unicode files as a letter and a dash ("ℹ️", "〰️"),
     * and in a keycap ("1️⃣": a digit, # or *, the selector, U+20E3); the walk
     * found a keycap stored without its selector. Not after a letter, where "Acme" + U+FE0F looked as "Acme".
     */
    private static boolean pictured(int c, int next) {
        int type = Character.getType(c);
        return type == Character.OTHER_SYMBOL || type == Character.MATH_SYMBOL
                || c > 0x7F && type == Character.OTHER_PUNCTUATION || c == 0x2139 || c == 0x3030
                || (c >= '0' && c <= '9' || c == '#' || c == '*') && next == 0x20E3;
    }

    /** A picture a zero-width joiner joins to the next: a symbol, a skin tone, the emoji selector, an emoji newer than this JVM. */
    private static boolean emoji(int c) {
        int type = Character.getType(c);
        return type == Character.OTHER_SYMBOL || c == 0xFE0F || c >= 0x1F3FB && c <= 0x1F3FF || newerEmoji(c);
    }

    /** The blocks of the scripts that join with the zero-width joiners ({@link #withoutStrayJoiners}). */
    private static final int[][] JOINING_BLOCKS = {
            {0x0600, 0x08FF}, {0x0900, 0x0DFF}, {0x0F00, 0x0FFF}, {0x1000, 0x109F}, {0x1700, 0x18AF}, {0x1900, 0x1AAF},
            {0x1B00, 0x1C4F}, {0xA800, 0xA8FF}, {0xA980, 0xAAFF}, {0xABC0, 0xABFF}, {0xFB50, 0xFDFF}, {0xFE70, 0xFEFE},
            {0x10A00, 0x10AFF}, {0x10B80, 0x10BAF}, {0x10D00, 0x10D3F}, {0x10F30, 0x10FFF}, {0x11000, 0x11DFF},
            {0x1E900, 0x1E95F}};

    private static boolean joins(int c) {
        for (int[] block : JOINING_BLOCKS) {
            if (c >= block[0] && c <= block[1]) {
                return true;
            }
        }
        return false;
    }

    /** Every kind of space, blank letters (the Hangul fillers, blank braille) and control characters, as one space. */
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile(
            "[\\s\\p{Cc}\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\u3164\\u115F\\u1160\\u2800\\uFFA0]+");

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
