package org.groundwork.audit;

import java.time.Instant;
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

    /** The list's filters as the client wrote them; the service checks them (400 naming the parameter). */
    public record Filter(String organizer, String contact, String kind, String from, String to) {
    }
}
