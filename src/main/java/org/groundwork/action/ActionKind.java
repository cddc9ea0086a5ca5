package org.groundwork.action;

import org.groundwork.platform.Word;
import org.groundwork.platform.WordColumn;

/** What kind of collective action or meeting. */
public enum ActionKind implements Word {
    PICKET("picket"),
    MARCH("march"),
    STRIKE("strike"),
    MEETING("meeting"),
    RALLY("rally"),
    TRAINING("training"),
    CANVASS("canvass"),
    OTHER("other");

    private final String word;

    ActionKind(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class Column extends WordColumn<ActionKind> {
        public Column() {
            super(ActionKind.class);
        }
    }
}
