package org.groundwork.followup;

import org.groundwork.platform.Word;
import org.groundwork.platform.WordColumn;

/** Where a follow-up stands. */
public enum FollowUpStatus implements Word {
    OPEN("open"),
    DONE("done"),
    DROPPED("dropped");

    private final String word;

    FollowUpStatus(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class Column extends WordColumn<FollowUpStatus> {
        public Column() {
            super(FollowUpStatus.class);
        }
    }
}
