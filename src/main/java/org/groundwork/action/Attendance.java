package org.groundwork.action;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.groundwork.platform.Ids;

import java.time.Instant;
import java.util.UUID;

/** A contact at an action. */
@Entity
@Table(name = "attendance")
public class Attendance extends PanacheEntityBase {

    @Id
    public UUID id = Ids.next();
    public UUID teamId;
    public UUID actionId;
    public UUID contactId;
    public boolean firstTime;
    public String notes;
    public UUID recordedBy;
    public Instant createdAt = Instant.now();
}
