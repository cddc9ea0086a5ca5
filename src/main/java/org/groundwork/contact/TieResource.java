package org.groundwork.contact;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.groundwork.contact.TieJson.NewTie;
import org.groundwork.contact.TieJson.TieRef;
import org.groundwork.contact.TieJson.TieView;
import org.groundwork.platform.ETags;
import org.groundwork.platform.Ids;
import org.groundwork.platform.Page;

import java.net.URI;
import java.util.UUID;

/** A contact's ties: who they are close to, family, neighbours, who they listen to and who listens to them. */
@Path("/api/v1/contacts/{id}/ties")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class TieResource {

    @Inject
    TieService ties;

    /** All of a contact's ties at once: {@code nextCursor} is always null. */
    @Operation(summary = "List a contact's ties",
            description = "Close, family, neighbour and listens-to ties, both the ones this contact has and the ones others have to them, all at once.")
    @GET
    public Page<TieView> list(@PathParam("id") String id,
                              @Parameter(description = Page.ONE_PAGE) @QueryParam("limit") String limit,
                              @Parameter(description = Page.NO_CURSOR) @QueryParam("cursor") String cursor) {
        return Page.whole(ties.list(Ids.parse(id, "contact")), limit, cursor);
    }

    @Operation(summary = "Add a tie",
            description = "A tie between this contact and another of the team; for listens-to, this contact listens to the other one.")
    @APIResponse(responseCode = "409", description = "That tie is already there")
    @POST
    @APIResponseSchema(value = TieView.class, responseCode = "201")
    public Response add(@PathParam("id") String id, NewTie request) {
        UUID contact = Ids.parse(id, "contact");
        TieView tie = ties.add(contact, request);
        return Response.created(URI.create("/api/v1/contacts/" + contact + "/ties")).entity(tie).build();
    }

    /** The body names the tie: {@code {otherContactId, kind}}. */
    @Operation(summary = "Remove a tie named by its ends",
            description = "The body names the other contact and the kind of tie.")
    @APIResponse(responseCode = "204", description = "Removed")
    @DELETE
    public Response remove(@PathParam("id") String id,
                           @Parameter(description = ETags.UNVERSIONED) @HeaderParam("If-Match") String ifMatch, TieRef ref) {
        ETags.unversioned(ifMatch);
        ties.remove(Ids.parse(id, "contact"), ref);
        return Response.noContent().build();
    }

    @Operation(summary = "Remove a tie by its id",
            description = "Removes one of this contact's ties.")
    @APIResponse(responseCode = "204", description = "Removed")
    @DELETE
    @Path("/{tieId}")
    public Response removeById(@PathParam("id") String id, @PathParam("tieId") String tieId,
                               @Parameter(description = ETags.UNVERSIONED) @HeaderParam("If-Match") String ifMatch) {
        ETags.unversioned(ifMatch);
        ties.remove(Ids.parse(id, "contact"), Ids.parse(tieId, "tie"));
        return Response.noContent().build();
    }
}
