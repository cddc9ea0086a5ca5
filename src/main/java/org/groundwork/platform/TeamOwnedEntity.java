package org.groundwork.platform;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;
import java.util.UUID;

/**
 * The columns every team table starts with ({@code id}, {@code team_id}, {@code created_at}),
 * written once: an entity of a team table extends this (or {@link VersionedTeamEntity}, {@link
 * EditedTeamEntity}) so that {@link TeamScoped} can load it.
 */
@MappedSuperclass
public abstract class TeamOwnedEntity extends PanacheEntityBase implements TeamOwned {

    @Id
    public UUID id = Ids.next();
    public UUID teamId;
    public Instant createdAt = Instant.now();

    @Override
    public UUID teamId() {
        return teamId;
    }
}
