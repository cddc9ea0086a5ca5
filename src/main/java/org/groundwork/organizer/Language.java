package org.groundwork.organizer;

import org.groundwork.platform.Word;
import org.groundwork.platform.WordColumn;

import java.util.Locale;

/** The languages the pages are written in (messages/msg_*.properties); an organizer chooses one. */
public enum Language implements Word {
    EN("en"),
    ES("es");

    private final String word;

    Language(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }

    public Locale locale() {
        return Locale.forLanguageTag(word);
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class Column extends WordColumn<Language> {
        public Column() {
            super(Language.class);
        }
    }
}
