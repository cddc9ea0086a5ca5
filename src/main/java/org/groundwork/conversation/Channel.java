package org.groundwork.conversation;

import org.groundwork.platform.Word;
import org.groundwork.platform.WordColumn;

/** How a one-to-one happened. */
public enum Channel implements Word {
    IN_PERSON("in-person"),
    HOUSE_VISIT("house-visit"),
    PHONE("phone"),
    VIDEO("video"),
    TEXT("text"),
    AT_ACTION("at-action");

    private final String word;

    Channel(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class Column extends WordColumn<Channel> {
        public Column() {
            super(Channel.class);
        }
    }
}
