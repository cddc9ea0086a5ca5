package org.groundwork.organizer;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

import java.util.Optional;
import java.util.UUID;

/**
 * The security identity of an organizer; roles nest. The organizer and team ids are
 * attributes. For a token the principal is the organizer id; for a login session it is the
 * session id, because the principal is what the form login's cookie keeps, and the cookie
 * must name a session the server can end.
 */
public final class Identities {

    static final String TEAM_ID = org.groundwork.platform.TeamScope.TEAM_ATTRIBUTE;
    static final String ORGANIZER_ID = "organizerId";
    static final String SESSION_ID = "sessionId";
    public static final String INSTANCE_ADMIN = "instance-admin";
    /** On a session waiting for its second factor: what it waits for (code, enrol). */
    static final String PENDING = "pendingSecondFactor";
    /** The organizer's language for pages, a session still at its second factor's too (its password was right). */
    static final String LANGUAGE = "language";

    private Identities() {
    }

    /** A token's identity. */
    static SecurityIdentity of(TokenService.Holder holder) {
        return builder(holder.organizerId(), holder.teamId(), holder.role(), holder.instanceAdmin(), holder.language(),
                holder.organizerId().toString()).build();
    }

    /**
     * A login session's identity. A session still waiting for its second factor has no roles
     * and says what it waits for ({@link #PENDING}); TwoFactorGate lets it reach only that step.
     */
    static SecurityIdentity of(Organizer organizer, LoginSession session) {
        if (!LoginSession.FULL.equals(session.state)) {
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(session.id.toString()))
                    .addAttribute(ORGANIZER_ID, organizer.id.toString())
                    .addAttribute(TEAM_ID, organizer.teamId.toString())
                    .addAttribute(SESSION_ID, session.id.toString())
                    .addAttribute(PENDING, session.state)
                    // the password was right: the code and set-up pages are drawn in the organizer's language, as
                    // every page after them (a new browser had them in its own: the walk)
                    .addAttribute(LANGUAGE, organizer.language.word())
                    .build();
        }
        return builder(organizer.id, organizer.teamId, organizer.role, organizer.instanceAdmin, organizer.language,
                session.id.toString())
                .addAttribute(SESSION_ID, session.id.toString())
                .build();
    }

    private static QuarkusSecurityIdentity.Builder builder(UUID organizerId, UUID teamId, Role role,
                                                           boolean instanceAdmin, Language language, String principal) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(principal))
                .addAttribute(ORGANIZER_ID, organizerId.toString())
                .addAttribute(TEAM_ID, teamId.toString())
                .addAttribute(LANGUAGE, language.word());
        // roles include the ones below them: an admin can do what a coordinator can
        builder.addRole(Role.ORGANIZER.word());
        if (role != Role.ORGANIZER) {
            builder.addRole(Role.COORDINATOR.word());
        }
        if (role == Role.ADMIN) {
            builder.addRole(Role.ADMIN.word());
        }
        if (instanceAdmin) {
            builder.addRole(INSTANCE_ADMIN);
        }
        return builder;
    }

    /**
     * Whether the request names a personal API token ({@code Authorization: Bearer <token>}): what a
     * script sends and no other site can make a browser send. A Basic or Negotiate header, which a
     * browser adds by itself behind a proxy that asks for one, is no token, and the cookie signs such a
     * request in (web/CsrfCheck).
     */
    public static boolean namesAToken(String authorization) {
        return BearerTokenMechanism.token(authorization) != null;
    }

    /** The login cookie's name, as form authentication sets it: an operator may rename it. */
    public static String loginCookie() {
        return LOGIN_COOKIE;
    }

    /**
     * The identity this request's login resolved to, as TwoFactorGate's filter left it on the routing context for
     * every request with the login cookie (read without blocking: an error page drawn on the event loop can ask);
     * none when nothing was resolved (no login cookie, a refusal before the filters).
     */
    public static Optional<SecurityIdentity> resolved(io.vertx.ext.web.RoutingContext http) {
        return http != null && http.user() instanceof io.quarkus.vertx.http.runtime.security.QuarkusHttpUser user
                ? Optional.ofNullable(user.getSecurityIdentity()) : Optional.empty();
    }

    /** Logged in with no second factor still waited for: every page is open to them. */
    public static boolean fullyIn(SecurityIdentity identity) {
        return identity != null && !identity.isAnonymous() && identity.getAttribute(PENDING) == null;
    }

    /** Logged in with the password, waiting for the second factor (the code, or a set-up the team requires). */
    public static boolean halfOpen(SecurityIdentity identity) {
        return identity != null && !identity.isAnonymous() && identity.getAttribute(PENDING) != null;
    }

    /** The login session an identity was made from; none for a token's or an anonymous one. */
    public static Optional<UUID> sessionOf(SecurityIdentity identity) {
        String id = identity == null || identity.isAnonymous() ? null : identity.getAttribute(SESSION_ID);
        return Optional.ofNullable(id).map(UUID::fromString);
    }

    private static final String LOGIN_COOKIE = org.eclipse.microprofile.config.ConfigProvider.getConfig()
            .getOptionalValue("quarkus.http.auth.form.cookie-name", String.class).orElse("quarkus-credential");
}
