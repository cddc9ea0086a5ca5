package org.groundwork.organizer;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.groundwork.platform.TeamOwnedEntity;

import java.time.Instant;
import java.util.UUID;

/** One browser's login: the encrypted session cookie names this row. */
@Entity
@Table(name = "login_session")
class LoginSession extends TeamOwnedEntity {

    public UUID organizerId;
    public String device;
    public Instant lastSeenAt = Instant.now();
    public Instant expiresAt;
    public Instant revokedAt;
    /** full; code (password given, code not yet); enrol (the team requires two-factor login, not set up yet). */
    public String state = FULL;

    static final String FULL = "full";
    static final String CODE = "code";
    static final String ENROL = "enrol";
}
