package org.groundwork.action;

import org.groundwork.platform.TeamOwned;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.groundwork.platform.Ids;

import java.time.Instant;
import java.util.UUID;

/** A collective action or meeting: where the heat is. Organizers present live in action_organizer. */
@Entity
@Table(name = "action")
public class Action extends PanacheEntityBase implements TeamOwned {

    @Id
    public UUID id = Ids.next();
    public UUID teamId;
    public UUID workId;
    public String title;
    public ActionKind kind = ActionKind.OTHER;
    public Instant startsAt;
    public int durationMinutes;
    public String location;
    public UUID createdBy;
    public Instant createdAt = Instant.now();
    public Instant updatedAt = Instant.now();
    @Version
    public Long version;

    @Override
    public UUID teamId() {
        return teamId;
    }
}
