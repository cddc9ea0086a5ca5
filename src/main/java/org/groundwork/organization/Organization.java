package org.groundwork.organization;

import org.groundwork.platform.TeamOwned;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.groundwork.platform.Ids;

import java.time.Instant;
import java.util.UUID;

/** A workplace, union, building, tenant association… that contacts belong to. */
@Entity
@Table(name = "organization")
public class Organization extends PanacheEntityBase implements TeamOwned {

    @Id
    public UUID id = Ids.next();
    public UUID teamId;
    public String name;
    public OrganizationKind kind = OrganizationKind.OTHER;
    public Instant createdAt = Instant.now();
    @Version
    public Long version;

    @Override
    public UUID teamId() {
        return teamId;
    }
}
