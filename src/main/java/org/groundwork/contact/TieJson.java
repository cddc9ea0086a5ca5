package org.groundwork.contact;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.UUID;

/** What the ties part of the API reads and writes. */
public final class TieJson {

    private TieJson() {
    }

    /** For {@code listens-to}, the contact in the path listens to {@code otherContactId}. */
    public record NewTie(@NotNull UUID otherContactId, @NotNull TieKind kind, @Size(max = 2000) String note) {
    }

    /** Names a tie to remove: {@code DELETE /api/v1/contacts/{id}/ties} with this body. */
    public record TieRef(@NotNull UUID otherContactId, @NotNull TieKind kind) {
    }

    /** Where a tie points, seen from the contact asked about. */
    public enum Direction implements org.groundwork.platform.Word {
        /** close, family, neighbour: both ways */
        BOTH("both"),
        /** this contact listens to the other */
        LISTENS_TO("listens-to"),
        /** the other listens to this contact */
        LISTENED_TO_BY("listened-to-by");

        private final String word;

        Direction(String word) {
            this.word = word;
        }

        @Override
        public String word() {
            return word;
        }
    }

    /** One of a contact's ties, with the other person's name and level so a page needs no second query. */
    public record TieView(UUID id, UUID contactId, UUID otherContactId, String otherFullName, Level otherLevel,
                          TieKind kind, Direction direction, String note, Instant createdAt) {
    }
}
