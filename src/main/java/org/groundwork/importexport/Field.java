package org.groundwork.importexport;

import java.util.Locale;

/** What a CSV column can hold; the words are the ones {@code ?map=Column:field} accepts. */
enum Field {
    FULL_NAME("fullName", false),
    FIRST_NAME("firstName", false),
    MIDDLE_NAME("middleName", false),
    LAST_NAME("lastName", false),
    EMAIL("email", false),
    PHONE("phone", false),
    ORGANIZATION("organization", false),
    POSITION("position", false),
    LEVEL("level", false),
    TAGS("tags", true),
    NOTES("notes", false),
    /** Kept in the notes as "Column: value", for data Groundwork has no field for (zip codes…). */
    NOTE("note", true),
    OWNER("owner", false),
    DO_NOT_CONTACT("doNotContact", false),
    /** Dropped on purpose: an explicit mapping said so, so it is not reported as unmapped. */
    IGNORE("ignore", true);

    final String word;
    /** Several columns may feed it (all tag columns become tags); the others take the first column. */
    final boolean many;

    Field(String word, boolean many) {
        this.word = word;
        this.many = many;
    }

    static Field byWord(String word) {
        for (Field f : values()) {
            if (f.word.equalsIgnoreCase(word.trim())) {
                return f;
            }
        }
        return null;
    }

    static String words() {
        StringBuilder all = new StringBuilder();
        for (Field f : values()) {
            all.append(all.length() == 0 ? "" : ", ").append(f.word);
        }
        return all.toString();
    }

    /** Header names compare without case, spaces, dashes or underscores: "E-mail 1 - Value" is "email1value". */
    static String normalize(String header) {
        StringBuilder n = new StringBuilder(header.length());
        for (char c : header.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                n.append(c);
            }
        }
        return n.toString();
    }
}
