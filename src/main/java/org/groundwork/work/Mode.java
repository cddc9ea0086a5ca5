package org.groundwork.work;

import org.groundwork.platform.Word;
import org.groundwork.platform.WordColumn;

/** Whether a work builds mass work or supports it. */
public enum Mode implements Word {
    BUILDING("building"),
    SUPPORT("support");

    private final String word;

    Mode(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class Column extends WordColumn<Mode> {
        public Column() {
            super(Mode.class);
        }
    }
}
