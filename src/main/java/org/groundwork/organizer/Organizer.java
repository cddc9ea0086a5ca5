package org.groundwork.organizer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.groundwork.platform.VersionedTeamEntity;

/** A user account in one team. */
@Entity
@Table(name = "organizer")
public class Organizer extends VersionedTeamEntity {

    public String email;
    /**
     * lower(email), kept by PostgreSQL (a stored generated column, V20_1, unique): the login finds
     * the account with {@code emailKey = ?}, which keeps the index under row-level security
     * ({@code lower(email) = ?} is not LEAKPROOF and scanned every organizer of the instance).
     */
    @Column(name = "email_key", insertable = false, updatable = false)
    public String emailKey;
    public String displayName;
    public Role role;
    public String passwordHash;
    public boolean instanceAdmin;
    /** false once an admin disabled the account: no login, no session, no token. */
    public boolean active = true;
    /** Two-factor login: the TOTP secret once enrolled; the one being set up; the last step used. */
    public String totpSecret;
    public String totpPendingSecret;
    public Long totpLastStep;
    /** The language of this organizer's pages. */
    public Language language = Language.EN;
}
