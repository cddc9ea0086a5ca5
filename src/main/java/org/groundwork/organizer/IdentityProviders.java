package org.groundwork.organizer;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.groundwork.platform.ProblemException;
import org.groundwork.platform.TeamScope;
import org.groundwork.web.ReturnTo;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * How a request becomes an organizer: a bearer token, the login form's email and password,
 * or the encrypted session cookie the form login set (which names a login session).
 */
final class IdentityProviders {

    private IdentityProviders() {
    }

    /**
     * The one way each provider looks an organizer up: off the event loop and across the
     * instance (before authentication no team is known), the identity or a failed authentication
     * with this reason.
     */
    private static Uni<SecurityIdentity> lookUp(AuthenticationRequestContext context,
                                                Supplier<Optional<SecurityIdentity>> lookup, String failure) {
        return context.runBlocking(() -> TeamScope.instanceWide(lookup::get)
                .orElseThrow(() -> new AuthenticationFailedException(failure)));
    }

    @ApplicationScoped
    static class Token implements IdentityProvider<TokenAuthenticationRequest> {
        @Inject
        TokenService tokens;

        @Override
        public Class<TokenAuthenticationRequest> getRequestType() {
            return TokenAuthenticationRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
            return lookUp(context, () -> tokens.organizerFor(request.getToken().getToken()).map(Identities::of),
                    "Unknown or revoked token");
        }
    }

    @ApplicationScoped
    static class Password implements IdentityProvider<UsernamePasswordAuthenticationRequest> {
        @Inject
        OrganizerService organizers;

        @Override
        public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
            return UsernamePasswordAuthenticationRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                                  AuthenticationRequestContext context) {
            RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
            String address = http == null || http.request().remoteAddress() == null ? null
                    : http.request().remoteAddress().hostAddress();
            String userAgent = http == null ? null : http.request().getHeader("User-Agent");
            // the account is found by email across the instance; its throttle, audit and session with it
            Uni<SecurityIdentity> identity = lookUp(context, () -> {
                try {
                    return organizers.logIn(request.getUsername(), new String(request.getPassword().getPassword()),
                            address, userAgent).map(live -> Identities.of(live.organizer(), live.session()));
                } catch (ProblemException e) {
                    if (e.retryAfter() != null && http != null) {
                        // form login answers every failure with a redirect to its error page; this one
                        // goes to the login page's "wait" message instead, with the seconds to wait
                        long seconds = e.retryAfter();
                        http.addHeadersEndHandler(v -> http.response()
                                .putHeader("Location", "/login?wait=" + seconds)
                                .putHeader("Retry-After", Long.toString(seconds)));
                    }
                    throw new AuthenticationFailedException(e.getMessage());
                }
            }, "Wrong email or password");
            // whatever failed, the login page shows the email again, so only the password is typed twice
            return identity.onItem().invoke(who -> landOnThePageAskedFor(http, who))
                    .onFailure().invoke(() -> TypedEmail.keep(http, request.getUsername()));
        }

        /**
         * The login's redirect goes to the page first asked for, if any (ReturnTo); when the second
         * factor is asked first (its code, or its enrolment when the team requires it), that page
         * waits in its cookie for the code step or for the enrolment's "Continue" (/login/continue).
         */
        private static void landOnThePageAskedFor(RoutingContext http, SecurityIdentity who) {
            if (who.getAttribute(Identities.PENDING) == null) {
                ReturnTo.afterLogin(http);
            }
        }
    }

    /** The session cookie names a login session; it counts only while that session is live. */
    @ApplicationScoped
    static class Session implements IdentityProvider<TrustedAuthenticationRequest> {
        @Inject
        LoginSessions sessions;

        @Override
        public Class<TrustedAuthenticationRequest> getRequestType() {
            return TrustedAuthenticationRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
            return lookUp(context, () -> sessions.live(request.getPrincipal())
                    .map(live -> Identities.of(live.organizer(), live.session())), "Session ended or unknown");
        }
    }
}
