package org.groundwork.organization;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.groundwork.platform.Ids;
import org.groundwork.platform.TeamOwned;

import java.time.Instant;
import java.util.UUID;

/** A part of an organization (department, floor, building, shift, area): a column on the wall chart. */
@Entity
@Table(name = "unit")
public class Unit extends PanacheEntityBase implements TeamOwned {

    @Id
    public UUID id = Ids.next();
    public UUID teamId;
    public UUID organizationId;
    public UUID parentId;
    public UnitKind kind = UnitKind.OTHER;
    public String name;
    public int position;
    public Instant createdAt = Instant.now();
    @Version
    public Long version;

    @Override
    public UUID teamId() {
        return teamId;
    }
}
