package org.groundwork.organizer;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import io.vertx.core.http.HttpServerRequest;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;
import org.groundwork.organizer.OrganizerJson.NewToken;
import org.groundwork.organizer.OrganizerJson.TokenRequest;
import org.groundwork.organizer.OrganizerJson.TokenView;
import org.groundwork.platform.Ids;
import org.groundwork.platform.Page;

import java.net.URI;

@Path("/api/v1/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TokenResource {

    @Inject
    OrganizerService organizers;
    @Inject
    TokenService tokens;

    /** {email, password, name}, or just {name} with a logged-in session: the token is shown this once. */
    @Operation(summary = "Create a personal API token",
            description = "With {email, password, name}, anonymously, or {name} with a logged-in browser session (not with a bearer token: a token cannot make another). The token is shown this once; the server keeps only its hash. Repeated wrong passwords are throttled (429).")
    @APIResponseSchema(value = NewToken.class, responseCode = "201", responseDescription = "The token, shown this once")
    @APIResponse(responseCode = "401", description = "Wrong email or password (the same answer for an unknown email), or neither sent nor logged in")
    @APIResponse(responseCode = "403", description = "The account logs in with two-factor login (create tokens from a logged-in session), or only {name} was sent with a bearer token")
    @APIResponse(responseCode = "429", description = "Too many wrong passwords for this account or from this address: wait Retry-After seconds")
    @POST
    @PermitAll
    public RestResponse<NewToken> create(TokenRequest request, @Context HttpServerRequest http) {
        // the client's address counts failed passwords (behind a proxy: quarkus.http.proxy.*)
        String address = http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
        NewToken token = organizers.token(request, address);
        return ResponseBuilder.<NewToken>created(URI.create("/api/v1/tokens/" + token.id())).entity(token).build();
    }

    @Operation(summary = "List my API tokens",
            description = "The caller's tokens, without their secrets.")
    @GET
    @Authenticated
    public Page<TokenView> list(@Parameter(description = Page.ONE_PAGE) @QueryParam("limit") String limit,
                                @Parameter(description = Page.NO_CURSOR) @QueryParam("cursor") String cursor) {
        return Page.whole(tokens.list().items(), limit, cursor);
    }

    @Operation(summary = "Revoke an API token",
            description = "Revokes one of the caller's tokens at once.")
    @DELETE
    @Path("/{id}")
    @Authenticated
    public void revoke(@PathParam("id") String id) {
        tokens.revoke(Ids.parseYours(id, "token"));
    }
}
