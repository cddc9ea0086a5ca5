package org.groundwork.contact;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.groundwork.platform.TeamOwnedEntity;

import java.time.Instant;
import java.util.UUID;

/** One change of a contact's engagement level; creation records the first one. */
@Entity
@Table(name = "level_change")
public class LevelChange extends TeamOwnedEntity {

    public UUID contactId;
    @Column(name = "from_level")
    public Level fromLevel;
    @Column(name = "to_level")
    public Level toLevel;
    public Instant changedAt;
    public UUID changedBy;
    public String reason;
}
