package org.groundwork.contact;

import org.groundwork.platform.Word;
import org.groundwork.platform.WordColumn;

/** A contact's engagement level; movement between levels is the point of the work. */
public enum Level implements Word {
    NEW("new"),
    LESS_INVOLVED("less-involved"),
    CADRE("cadre");

    private final String word;

    Level(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class Column extends WordColumn<Level> {
        public Column() {
            super(Level.class);
        }
    }
}
