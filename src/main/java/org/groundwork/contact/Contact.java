package org.groundwork.contact;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.groundwork.platform.EditedTeamEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** A person in or around the base. Erased contacts stay as anonymous tombstones. */
@Entity
@Table(name = "contact")
public class Contact extends EditedTeamEntity {

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

    public boolean erased() {
        return erasedAt != null;
    }
}
