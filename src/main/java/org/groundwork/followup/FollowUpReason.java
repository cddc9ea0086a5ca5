package org.groundwork.followup;

import org.groundwork.platform.Word;
import org.groundwork.platform.WordColumn;

/** Why a follow-up is owed. */
public enum FollowUpReason implements Word {
    AFTER_ACTION("after-action"),
    NEXT_STEP("next-step"),
    KEEP_IN_TOUCH("keep-in-touch"),
    OTHER("other");

    private final String word;

    FollowUpReason(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class Column extends WordColumn<FollowUpReason> {
        public Column() {
            super(FollowUpReason.class);
        }
    }
}
