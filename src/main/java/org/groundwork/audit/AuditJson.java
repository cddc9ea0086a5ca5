package org.groundwork.audit;

import org.groundwork.platform.Dates;
import org.groundwork.platform.Ids;
import org.groundwork.platform.Problems;
import org.groundwork.platform.Word;

import static org.groundwork.platform.Text.blankToNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The audit trail as the API shows it. */
public final class AuditJson {

    private AuditJson() {
    }

    /**
     * One event. {@code count}: rows exported, or contacts an import created; {@code updatedCount}:
     * contacts an import updated.
     */
    public record AuditView(UUID id, Instant at, AuditKind kind, AuditEntity entityType, UUID entityId,
                            UUID organizerId, List<String> fields, Integer count, Integer updatedCount) {

        static AuditView of(AuditEvent e) {
            return new AuditView(e.id, e.at, e.kind, e.entityType, e.entityId, e.organizerId,
                    List.of(e.fields), e.rowCount, e.updatedCount);
        }
    }

    /** The list's filters as the client wrote them (the page redraws its form from them). */
    public record Filter(String organizer, String contact, String kind, String from, String to) {

        /** The filters read: a 400 naming the parameter for a bad id, kind or date, or a "to" before "from". */
        public AuditQuery parse() {
            // in the order of the form's fields, so the first wrong one is the one said
            UUID who = Ids.filter(organizer, "organizer");
            UUID about = Ids.filter(contact, "contact");
            AuditKind what = Word.parse(AuditKind.class, blankToNull(kind), "kind");
            LocalDate first = Dates.parse("from", from);
            LocalDate last = Dates.parse("to", to);
            if (first != null && last != null && last.isBefore(first)) {
                throw Problems.invalid("to", "must not be before from");
            }
            return new AuditQuery(who, about, what, first, last);
        }
    }

    /** What the audit list is asked for, typed; null: not filtered on. */
    public record AuditQuery(UUID organizer, UUID contact, AuditKind kind, LocalDate from, LocalDate to) {
    }
}
