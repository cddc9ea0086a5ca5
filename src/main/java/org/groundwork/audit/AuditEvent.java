package org.groundwork.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.groundwork.platform.Ids;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** One line of the audit trail: ids, field names and counts, never a personal value. Only inserted. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    public UUID id = Ids.next();
    public UUID teamId;
    public UUID organizerId;
    public Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
    public AuditKind kind;
    @Column(name = "entity_type")
    public AuditEntity entityType;
    public UUID entityId;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] fields = new String[0];
    @Column(name = "count")
    public Integer rowCount;
    public Integer updatedCount;
}
