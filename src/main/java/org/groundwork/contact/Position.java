package org.groundwork.contact;

import org.groundwork.platform.Word;
import org.groundwork.platform.WordColumn;

/** Where a contact stands relative to the base. */
public enum Position implements Word {
    BASE("base"),
    OFFICER("officer"),
    STAFF("staff"),
    ALLY("ally"),
    POLITICAL_GROUP("political-group");

    private final String word;

    Position(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class Column extends WordColumn<Position> {
        public Column() {
            super(Position.class);
        }
    }
}
