package org.groundwork.organization;

import org.groundwork.platform.Word;
import org.groundwork.platform.WordColumn;

/** What kind of organization. */
public enum OrganizationKind implements Word {
    WORKPLACE("workplace"),
    UNION("union"),
    BUILDING("building"),
    TENANT_ASSOCIATION("tenant-association"),
    SCHOOL("school"),
    COMMUNITY("community"),
    OTHER("other");

    private final String word;

    OrganizationKind(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class Column extends WordColumn<OrganizationKind> {
        public Column() {
            super(OrganizationKind.class);
        }
    }
}
