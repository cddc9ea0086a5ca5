package org.groundwork.platform;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/** A team row that is edited in place: its {@code version} is the optimistic lock and the ETag. */
@MappedSuperclass
public abstract class VersionedTeamEntity extends TeamOwnedEntity {

    @Version
    public Long version;
}
