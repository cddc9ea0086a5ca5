package org.groundwork.importexport;

import java.text.Normalizer;
import java.util.Locale;

/** What a CSV column can hold; the words are the ones {@code ?map=Column:field} accepts. */
enum Field {
    FULL_NAME("fullName", false, "Full name"),
    FIRST_NAME("firstName", false, "First name"),
    MIDDLE_NAME("middleName", false, "Middle name"),
    /** One column, and a second surname's beside it (HeaderMapping.SECOND_SURNAME), joined in the file's order. */
    LAST_NAME("lastName", false, "Last name"),
    EMAIL("email", false, "Email"),
    PHONE("phone", false, "Phone"),
    ORGANIZATION("organization", false, "Organization (workplace, building)"),
    /** A unit of the contact's organization (department, floor, shift…), made by name when missing. */
    UNIT("unit", false, "Unit (department, floor, shift)"),
    POSITION("position", false, "Position"),
    LEVEL("level", false, "Engagement level"),
    TAGS("tags", true, "Tags"),
    NOTES("notes", false, "Notes"),
    /** Kept in the notes as "Column: value", for data Groundwork has no field for (zip codes…). */
    NOTE("note", true, "A line of the notes (column: value)"),
    OWNER("owner", false, "Owner (an organizer's email)"),
    DO_NOT_CONTACT("doNotContact", false, "Do not contact (yes or no)"),
    /** Dropped on purpose: an explicit mapping said so, so it is not reported as unmapped. */
    IGNORE("ignore", true, "Not imported");

    final String word;
    /** Several columns may feed it (all tag columns become tags); the others take the first column. */
    final boolean many;
    /** How the import page names it. */
    final String label;

    Field(String word, boolean many, String label) {
        this.word = word;
        this.many = many;
        this.label = label;
    }

    /** The contact field a column of this kind feeds, as the API and the forms name it (null: none). */
    String feeds() {
        return switch (this) {
            case FIRST_NAME, MIDDLE_NAME, LAST_NAME -> FULL_NAME.word;
            case NOTE -> NOTES.word;
            case IGNORE -> null;
            default -> word;
        };
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

    /**
     * Header names compare without case, spaces, dashes, underscores or accents: "E-mail 1 - Value"
     * is "email1value", "Teléfono" is "telefono" (the decomposed accents are no letters).
     */
    static String normalize(String header) {
        StringBuilder n = new StringBuilder(header.length());
        for (char c : Normalizer.normalize(header, Normalizer.Form.NFD).toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                n.append(c);
            }
        }
        return n.toString();
    }
}
