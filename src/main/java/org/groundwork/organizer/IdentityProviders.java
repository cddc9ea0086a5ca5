package org.groundwork.organizer;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * How a request becomes an organizer: a bearer token, the login form's email and password,
 * or the encrypted session cookie the form login set (which names the organizer id).
 */
final class IdentityProviders {

    private IdentityProviders() {
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
            return context.runBlocking(() -> tokens.organizerFor(request.getToken().getToken())
                    .map(Identities::of)
                    .orElseThrow(() -> new AuthenticationFailedException("Unknown or revoked token")));
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
            return context.runBlocking(() -> organizers.checkPassword(request.getUsername(),
                            new String(request.getPassword().getPassword()))
                    .map(Identities::of)
                    .orElseThrow(() -> new AuthenticationFailedException("Wrong email or password")));
        }
    }

    @ApplicationScoped
    static class Session implements IdentityProvider<TrustedAuthenticationRequest> {
        @Inject
        OrganizerService organizers;

        @Override
        public Class<TrustedAuthenticationRequest> getRequestType() {
            return TrustedAuthenticationRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
            return context.runBlocking(() -> organizers.byPrincipal(request.getPrincipal())
                    .map(Identities::of)
                    .orElseThrow(() -> new AuthenticationFailedException("Session of an unknown organizer")));
        }
    }
}
