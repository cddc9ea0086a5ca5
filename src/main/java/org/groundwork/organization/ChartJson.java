package org.groundwork.organization;

import org.groundwork.contact.Level;
import org.groundwork.contact.Position;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the wall chart and the organic-leaders list show; read-only views. */
public final class ChartJson {

    private ChartJson() {
    }

    /**
     * The chart's filters as typed: level, owner (an organizer id or "none"), not talked to for N
     * days; and one column shown whole (a unit's id, or "no unit") instead of every column folded.
     */
    public record ChartFilter(Level level, UUID ownerId, boolean noOwner, Integer quietDays, UUID unitId,
                              boolean noUnit) {
        public static final ChartFilter NONE = new ChartFilter(null, null, false, null, null, false);

        public ChartFilter(Level level, UUID ownerId, boolean noOwner, Integer quietDays) {
            this(level, ownerId, noOwner, quietDays, null, false);
        }

        /** One column, every card in it. */
        public boolean oneColumn() {
            return unitId != null || noUnit;
        }
    }

    /** One person's card. {@code daysSinceConversation} is null when nobody on the team has talked to them. */
    public record Card(UUID contactId, String fullName, Level level, Position position, UUID unitId,
                       UUID ownerId, String ownerName, Integer daysSinceConversation, LocalDate followUpDue,
                       boolean firstTimerInHeat) {
        /** "Ana Ruiz" reads "AR": what fits on a card. */
        public String ownerInitials() {
            if (ownerName == null) {
                return "";
            }
            // the first letter of each word, three at most (counted as characters, not UTF-16 units): a word that starts
            // with no letter (an emoji, a dash) gives none (the walk: "Márta Ñúñez 🌹" read "MÑ🌹")
            StringBuilder initials = new StringBuilder();
            int count = 0;
            for (String part : ownerName.trim().split("\\s+")) {
                if (!part.isEmpty() && count < 3 && Character.isLetter(part.codePointAt(0))) {
                    initials.appendCodePoint(part.codePointAt(0));
                    count++;
                }
            }
            if (count == 0) {
                // no word starts with a letter ("2Pac", an emoji alone): the first letter or digit in it, else its first
                // character, so the card still shows whose it is (the review)
                int first = ownerName.codePoints().filter(Character::isLetterOrDigit).findFirst()
                        .orElse(ownerName.isBlank() ? -1 : ownerName.strip().codePointAt(0));
                if (first >= 0) {
                    initials.appendCodePoint(first);
                }
            }
            return initials.toString().toUpperCase(java.util.Locale.ROOT);
        }
    }

    /** A column's figures, over everyone in it (filters hide cards, not people from the figures). */
    public record ColumnFigures(long people, long newPeople, long lessInvolved, long cadre, long talkedTo30Days,
                                long withOwner) {
        static final ColumnFigures EMPTY = new ColumnFigures(0, 0, 0, 0, 0, 0);

        /** Whole percent, or 0 for an empty column. */
        public long talkedToShare() {
            return people == 0 ? 0 : Math.round(100.0 * talkedTo30Days / people);
        }

        public long ownerShare() {
            return people == 0 ? 0 : Math.round(100.0 * withOwner / people);
        }
    }

    /**
     * One column: a unit (its parent's name first when it sits inside one) or "no unit" (unitId
     * null). {@code matching} counts the people the filters let through; {@code cards} holds the
     * first of them (all when one column is shown whole).
     */
    public record Column(UUID unitId, String name, String parentName, UnitKind kind, ColumnFigures figures,
                         List<Card> cards, long matching) {
        public String label() {
            return parentName == null ? name : parentName + " · " + name;
        }

        /** Cards folded away: shown by the column's own link. */
        public long folded() {
            return matching - cards.size();
        }
    }

    /** {@code whole}: one column shown with every card (the link from a folded column). */
    public record Chart(UUID organizationId, String organizationName, List<Column> columns, long people, boolean whole) {
    }

    /**
     * An organic leader: someone others listen to. {@code notYetCadre} (the draft's priority: move
     * them) and {@code quiet} (nobody on the team has talked to them in 30 days, or ever) say why
     * they stand out.
     */
    public record Leader(UUID contactId, String fullName, Level level, Position position, UUID unitId, String unitName,
                         long listeners, UUID ownerId, String ownerName, Integer daysSinceConversation,
                         boolean notYetCadre, boolean quiet) {
        static Leader of(UUID contactId, String fullName, Level level, Position position, UUID unitId, String unitName,
                         long listeners, UUID ownerId, String ownerName, Integer days) {
            return new Leader(contactId, fullName, level, position, unitId, unitName, listeners, ownerId, ownerName,
                    days, level != Level.CADRE, days == null || days > 30);
        }
    }
}
