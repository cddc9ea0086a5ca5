package org.groundwork.organizer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.groundwork.platform.Ids;

import java.time.Instant;
import java.util.UUID;

/** A personal API token; only its SHA-256 is kept. */
@Entity
@Table(name = "api_token")
class ApiToken extends PanacheEntityBase {

    @Id
    public UUID id = Ids.next();
    public UUID teamId;
    public UUID organizerId;
    public String name;
    public byte[] tokenHash;
    public Instant createdAt = Instant.now();
    public Instant lastUsedAt;
}
