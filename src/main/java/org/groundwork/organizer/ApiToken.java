package org.groundwork.organizer;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.groundwork.platform.TeamOwnedEntity;

import java.time.Instant;
import java.util.UUID;

/** A personal API token; only its SHA-256 is kept. */
@Entity
@Table(name = "api_token")
class ApiToken extends TeamOwnedEntity {

    public UUID organizerId;
    public String name;
    public byte[] tokenHash;
    public Instant lastUsedAt;
}
