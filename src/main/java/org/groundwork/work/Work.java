package org.groundwork.work;

import org.groundwork.platform.TeamOwned;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.groundwork.platform.Ids;

import java.time.Instant;
import java.util.UUID;

/** One piece of our work, with what it is for and why. */
@Entity
@Table(name = "work")
public class Work extends PanacheEntityBase implements TeamOwned {

    @Id
    public UUID id = Ids.next();
    public UUID teamId;
    public String name;
    public Focus focus;
    public Mode mode = Mode.BUILDING;
    public String justification;
    public boolean active = true;
    public Instant createdAt = Instant.now();
    public Instant updatedAt = Instant.now();
    @Version
    public Long version;

    @Override
    public UUID teamId() {
        return teamId;
    }
}
