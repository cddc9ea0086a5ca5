package org.groundwork.work;

import org.groundwork.platform.Word;
import org.groundwork.platform.WordColumn;

/** What a piece of work is meant to do, and so which level it should put us with. */
public enum Focus implements Word {
    BRING_IN_NEW("bring-in-new"),
    DEEPEN_INVOLVEMENT("deepen-involvement"),
    WORK_WITH_CADRE("work-with-cadre");

    private final String word;

    Focus(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class Column extends WordColumn<Focus> {
        public Column() {
            super(Focus.class);
        }
    }
}
