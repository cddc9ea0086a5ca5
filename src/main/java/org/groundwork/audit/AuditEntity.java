package org.groundwork.audit;

import org.groundwork.platform.Word;
import org.groundwork.platform.WordColumn;

/** What an event is about; the same words as the CHECK on {@code audit_event.entity_type} (V7_3, V28_8). */
public enum AuditEntity implements Word {
    CONTACT("contact"),
    CONVERSATION("conversation"),
    FOLLOW_UP("follow-up"),
    WORK("work"),
    ACTION("action"),
    ORGANIZATION("organization"),
    ORGANIZER("organizer"),
    TEAM("team"),
    TOKEN("token"),
    SESSION("session"),
    LEVEL_CHANGE("level-change");

    private final String word;

    AuditEntity(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class Column extends WordColumn<AuditEntity> {
        public Column() {
            super(AuditEntity.class);
        }
    }
}
