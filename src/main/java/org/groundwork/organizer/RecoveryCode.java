package org.groundwork.organizer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.groundwork.platform.Ids;

import java.time.Instant;
import java.util.UUID;

/** A one-time recovery code for two-factor login; only its SHA-256 is kept. */
@Entity
@Table(name = "recovery_code")
class RecoveryCode extends PanacheEntityBase {

    @Id
    public UUID id = Ids.next();
    public UUID teamId;
    public UUID organizerId;
    public byte[] codeHash;
    public Instant usedAt;
}
