package org.groundwork.organizer;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.groundwork.platform.ApiDocument;
import org.groundwork.platform.Patch;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.groundwork.organizer.OrganizerJson.NewOrganizer;
import org.groundwork.organizer.OrganizerJson.OrganizerChange;
import org.groundwork.organizer.OrganizerJson.OrganizerView;
import org.groundwork.platform.ETags;
import org.groundwork.platform.Ids;
import org.groundwork.platform.Versioned;
import org.groundwork.platform.Page;
import org.groundwork.platform.Patches;

import java.net.URI;

@Path("/api/v1/organizers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class OrganizerResource {

    @Inject
    OrganizerService organizers;
    @Inject
    Patches patches;
    @Inject
    TwoFactor twoFactor;

    @Operation(summary = "List organizers",
            description = "The team's organizers, a page at a time.")
    @GET
    public Page<OrganizerView> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return organizers.list(Page.limit(limit), cursor);
    }

    @Operation(summary = "Get an organizer",
            description = "One organizer of the team, with their role.")
    @Extension(name = ApiDocument.ETAG, value = "true")
    @GET
    @Path("/{id}")
    public RestResponse<OrganizerView> get(@PathParam("id") String id) {
        return organizers.find(Ids.parse(id, "organizer")).okTyped();
    }

    @Operation(summary = "Add an organizer",
            description = "Adds an organizer account to the team with a role and a first password; admins only.")

    @APIResponseSchema(value = OrganizerView.class, responseCode = "201", responseDescription = "Added")
    @Extension(name = ApiDocument.ETAG, value = "true")
    @POST
    @RolesAllowed("admin") // checked before the body is read: a coordinator's post is a 403 whatever it holds
    public RestResponse<OrganizerView> add(NewOrganizer request) {
        Versioned<OrganizerView> o = organizers.add(request);
        return o.createdTyped("/api/v1/organizers/" + o.view().id());
    }

    /** Turns off someone's two-factor login (a lost phone): they log in with the password alone until they set it up again. */
    @Operation(summary = "Reset an organizer's two-factor login",
            description = "Turns off the organizer's two-factor login so they can enrol again; admins only. "
                    + "Someone with none set up is left as they are (204, and no audit event).")
    @DELETE
    @Path("/{id}/two-factor")
    public void resetTwoFactor(@PathParam("id") String id) {
        twoFactor.reset(Ids.parse(id, "organizer"));
    }

    @Operation(summary = "Change an organizer",
            description = "A JSON merge patch of the organizer's name, role or active flag; admins only. A team keeps at least one admin.")
    @Extension(name = ApiDocument.ETAG, value = "true")
    @PATCH
    @Consumes({MediaType.APPLICATION_JSON, Patch.MERGE_PATCH})
    @Path("/{id}")
    public RestResponse<OrganizerView> change(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                                             @RequestBody(content = @Content(schema = @Schema(implementation = OrganizerChange.class))) JsonNode body) {
        organizers.mayChangeTeam(); // the role before the id and the body: a coordinator's patch is a 403 whatever it holds
        return organizers.change(Ids.parse(id, "organizer"), patches.read(body, OrganizerChange.class), ifMatch)
                .okTyped();
    }
}
