package org.groundwork.organizer;

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
    @POST
    @PermitAll
    public RestResponse<NewToken> create(TokenRequest request, @Context HttpServerRequest http) {
        // the client's address counts failed passwords (behind a proxy: quarkus.http.proxy.*)
        String address = http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
        NewToken token = organizers.token(request, address);
        return ResponseBuilder.<NewToken>created(URI.create("/api/v1/tokens/" + token.id())).entity(token).build();
    }

    @GET
    @Authenticated
    public Page<TokenView> list() {
        return tokens.list();
    }

    @DELETE
    @Path("/{id}")
    @Authenticated
    public void revoke(@PathParam("id") String id) {
        tokens.revoke(Ids.parse(id, "token"));
    }
}
