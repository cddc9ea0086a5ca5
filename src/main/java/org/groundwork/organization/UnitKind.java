package org.groundwork.organization;

import org.groundwork.platform.Word;
import org.groundwork.platform.WordColumn;

/** What kind of part of an organization a unit is; the words of the CHECK on {@code unit.kind} (V8_1). */
public enum UnitKind implements Word {
    DEPARTMENT("department"),
    FLOOR("floor"),
    BUILDING("building"),
    SHIFT("shift"),
    AREA("area"),
    OTHER("other");

    private final String word;

    UnitKind(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class Column extends WordColumn<UnitKind> {
        public Column() {
            super(UnitKind.class);
        }
    }
}
