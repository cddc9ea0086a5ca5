package org.groundwork.organizer;

import org.groundwork.platform.Word;
import org.groundwork.platform.WordColumn;

/** An organizer's role in their team; each includes the ones before it. */
public enum Role implements Word {
    ORGANIZER("organizer"),
    COORDINATOR("coordinator"),
    ADMIN("admin");

    private final String word;

    Role(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class Column extends WordColumn<Role> {
        public Column() {
            super(Role.class);
        }
    }
}
