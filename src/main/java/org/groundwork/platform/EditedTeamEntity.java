package org.groundwork.platform;

import jakarta.persistence.MappedSuperclass;

import java.time.Instant;

/** A versioned team row that also says when it was last changed ({@code updated_at}). */
@MappedSuperclass
public abstract class EditedTeamEntity extends VersionedTeamEntity {

    public Instant updatedAt = Instant.now();
}
