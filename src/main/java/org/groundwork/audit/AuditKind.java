package org.groundwork.audit;

import org.groundwork.platform.Word;
import org.groundwork.platform.WordColumn;

/** What happened; the same words as the CHECK on {@code audit_event.kind} (V7_3). */
public enum AuditKind implements Word {
    CREATED("created"),
    CHANGED("changed"),
    DELETED("deleted"),
    ERASED("erased"),
    LEVEL_CHANGED("level-changed"),
    ATTENDANCE_CHANGED("attendance-changed"),
    ROLE_CHANGED("role-changed"),
    EXPORTED("exported"),
    IMPORTED("imported"),
    REVOKED("revoked"),
    LOGIN("login"),
    LOGIN_FAILED("login-failed"),
    LOGIN_THROTTLED("login-throttled"),
    LOGOUT("logout"),
    PASSWORD_CHANGED("password-changed"),
    TWO_FACTOR_ENABLED("two-factor-enabled"),
    TWO_FACTOR_RESET("two-factor-reset");

    private final String word;

    AuditKind(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class Column extends WordColumn<AuditKind> {
        public Column() {
            super(AuditKind.class);
        }
    }
}
