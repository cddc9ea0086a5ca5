package org.groundwork.contact;

import org.groundwork.platform.Word;
import org.groundwork.platform.WordColumn;

/** What ties two contacts; the words of the CHECK on {@code tie.kind} (V8_1). */
public enum TieKind implements Word {
    CLOSE("close"),
    FAMILY("family"),
    NEIGHBOUR("neighbour"),
    /** Directed: the contact listens to the other one, who has influence over them. */
    LISTENS_TO("listens-to");

    private final String word;

    TieKind(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }

    public boolean directed() {
        return this == LISTENS_TO;
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class Column extends WordColumn<TieKind> {
        public Column() {
            super(TieKind.class);
        }
    }
}
