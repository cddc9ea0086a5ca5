package org.groundwork.organizer;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.UUID;

/** Who is asking, and so which team every query of this request is scoped to. */
@RequestScoped
public class CurrentOrganizer {

    @Inject
    SecurityIdentity identity;

    public boolean isLoggedIn() {
        return !identity.isAnonymous();
    }

    public UUID id() {
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        return UUID.fromString(identity.getAttribute(Identities.ORGANIZER_ID));
    }

    /** The login session of this request; none when a token authenticated it. */
    public Optional<UUID> sessionId() {
        return Identities.sessionOf(identity);
    }

    public UUID teamId() {
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        return UUID.fromString(identity.getAttribute(Identities.TEAM_ID));
    }

    /** What a session still waits for before it opens (code, enrol), or null. */
    String pendingSecondFactor() {
        return identity.isAnonymous() ? null : identity.getAttribute(Identities.PENDING);
    }

    /** The language this organizer chose for pages, at the second factor too; none before login. */
    public Optional<String> language() {
        return languageOf(identity);
    }

    /** {@link #language()} of a login read apart from the request (where this bean cannot read it). */
    public static Optional<String> languageOf(SecurityIdentity identity) {
        return identity.isAnonymous() ? Optional.empty() : Optional.ofNullable(identity.getAttribute(Identities.LANGUAGE));
    }

    public boolean has(Role role) {
        return identity.hasRole(role.word());
    }

    /** The account made by setup, which may create and restore teams. */
    public boolean isInstanceAdmin() {
        return identity.hasRole(Identities.INSTANCE_ADMIN);
    }

    /** The team's settings: time zone, heat window, cooling days. */
    public Team team() {
        return Team.findById(teamId());
    }
}
