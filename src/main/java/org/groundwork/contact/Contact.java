package org.groundwork.contact;

import org.groundwork.platform.TeamOwned;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.groundwork.platform.Ids;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** A person in or around the base. Erased contacts stay as anonymous tombstones. */
@Entity
@Table(name = "contact")
public class Contact extends PanacheEntityBase implements TeamOwned {

    @Id
    public UUID id = Ids.next();
    public UUID teamId;
    public String fullName;
    public String phone;
    public String email;
    public UUID organizationId;
    /** The unit of that organization the person sits in (the wall chart's column), if any. */
    public UUID unitId;
    public Position position = Position.BASE;
    public Level engagementLevel = Level.NEW;
    public UUID ownerId;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] tags = new String[0];
    public boolean doNotContact;
    public String notes;
    public Instant lastConversationAt;
    public Instant erasedAt;
    public Instant createdAt = Instant.now();
    public Instant updatedAt = Instant.now();
    @Version
    public Long version;

    public boolean erased() {
        return erasedAt != null;
    }

    @Override
    public UUID teamId() {
        return teamId;
    }
}
