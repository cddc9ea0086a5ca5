package org.groundwork.organizer;

import org.groundwork.platform.ProblemMapper;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.groundwork.platform.Problem;
import org.groundwork.platform.Problems;
import org.groundwork.web.LoginRedirect;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Set;

/**
 * A session that has the password but not yet the second factor reaches only that step: the
 * code page (or, when the team requires two-factor login of someone not enrolled, the
 * enrolment page) and logging out. Pages send it there; the API answers 401.
 */
public class TwoFactorGate {

    private static final Set<String> CODE_STEP = Set.of("/login/code", "/logout");
    private static final Set<String> ENROL_STEP = Set.of("/settings/two-factor", "/settings/two-factor/start",
            "/settings/two-factor/confirm", "/logout");

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper()
            .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);

    @Inject
    CurrentIdentityAssociation identities;

    /**
     * Before the request is matched to its resource, so also before a resource's role check: a half-open session
     * has no role yet, and a role-only request (an export, the audit page) answered "Your role does not allow
     * this" to someone who may, once the code is typed (the walk).
     */
    @ServerRequestFilter(preMatching = true)
    public Uni<Response> gate(RoutingContext http) {
        // only a login cookie can carry a half-open session; anonymous visits pass untouched. Any
        // other header does not matter: the identity decides (a valid bearer token's has no pending step)
        if (http.request().getCookie(Identities.loginCookie()) == null) {
            return Uni.createFrom().nullItem();
        }
        String path = http.normalizedPath();
        return identities.getDeferredIdentity()
                .onFailure().recoverWithNull()
                .map(identity -> answer(identity, path, http));
    }

    private static Response answer(SecurityIdentity identity, String path, RoutingContext http) {
        String pending = identity == null || identity.isAnonymous() ? null : identity.getAttribute(Identities.PENDING);
        if (pending == null) {
            return null;
        }
        boolean code = LoginSession.CODE.equals(pending);
        if ((code ? CODE_STEP : ENROL_STEP).contains(path)) {
            return null;
        }
        if (path.startsWith("/api/")) {
            Problem p = Problems.unauthorized("Finish logging in with your second factor first").toProblem();
            try {
                return ProblemMapper.json(p, JSON.writeValueAsString(p));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        // an htmx request takes the whole window there, not the step's page swapped into its target
        return LoginRedirect.to(http.request(), code ? "/login/code" : "/settings/two-factor").build();
    }
}
