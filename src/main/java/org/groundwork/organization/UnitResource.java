package org.groundwork.organization;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.groundwork.platform.ApiDocument;
import org.groundwork.platform.Patch;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.Operation;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.groundwork.organization.UnitJson.NewUnit;
import org.groundwork.organization.UnitJson.UnitChange;
import org.groundwork.organization.UnitJson.UnitView;
import org.groundwork.platform.Ids;
import org.groundwork.platform.Problems;
import org.groundwork.platform.Versioned;
import org.groundwork.platform.Page;
import org.groundwork.platform.Patches;

import java.util.UUID;

/** The units of an organization (departments, floors, shifts…): the columns of its wall chart. */
@Path("/api/v1/organizations/{organizationId}/units")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class UnitResource {

    @jakarta.ws.rs.core.Context
    jakarta.ws.rs.core.UriInfo uri;

    @Inject
    UnitService units;
    @Inject
    Patches patches;

    /** All of them at once (an organization has tens, not thousands): {@code nextCursor} is always null. */
    @Operation(summary = "List an organization's units",
            description = "Its departments, floors, buildings, shifts and areas in their order, all at once (nextCursor is always null).")
    @GET
    public Page<UnitView> list(@PathParam("organizationId") String organizationId,
                               @Parameter(description = Page.ONE_PAGE) @QueryParam("limit") String limit,
                               @Parameter(description = Page.NO_CURSOR) @QueryParam("cursor") String cursor) {
        return Page.whole(units.list(Ids.parse(organizationId, "organization")), limit, cursor);
    }

    @Operation(summary = "Add a unit to an organization",
            description = "A unit's name is unique within its organization and parent; a unit nests at most one level (building, then floor).")
    @Extension(name = ApiDocument.ETAG, value = "true")
    @APIResponse(responseCode = "409", description = "A unit of that name is already there")
    @POST
    @APIResponseSchema(value = UnitView.class, responseCode = "201")
    public Response create(@PathParam("organizationId") String organizationId, NewUnit request) {
        UUID organization = Ids.parse(organizationId, "organization");
        Versioned<UnitView> u = units.create(organization, request);
        return u.created("/api/v1/organizations/" + organization + "/units/" + u.view().id());
    }

    @Operation(summary = "Get a unit",
            description = "One unit of the organization, with its version as ETag.")
    @Extension(name = ApiDocument.ETAG, value = "true")
    @GET
    @Path("/{id}")
    @APIResponseSchema(value = UnitView.class, responseCode = "200")
    public Response get(@PathParam("organizationId") String organizationId, @PathParam("id") String id) {
        return units.find(Ids.parse(organizationId, "organization"), Ids.parse(id, "unit")).ok();
    }

    @Operation(summary = "Change a unit",
            description = "Rename, move or reorder a unit (JSON merge patch); If-Match with the unit's ETag.")
    @Extension(name = ApiDocument.ETAG, value = "true")
    @PATCH
    @Consumes({MediaType.APPLICATION_JSON, Patch.MERGE_PATCH})
    @Path("/{id}")
    @APIResponseSchema(value = UnitView.class, responseCode = "200")
    public Response change(@PathParam("organizationId") String organizationId, @PathParam("id") String id,
                           @HeaderParam("If-Match") String ifMatch,
                           @RequestBody(content = @Content(schema = @Schema(implementation = UnitChange.class))) JsonNode body) {
        UUID organization = Ids.parse(organizationId, "organization");
        UUID unit = Ids.parse(id, "unit");
        return units.change(organization, unit, patches.read(body, UnitChange.class), ifMatch).ok();
    }

    /**
     * Its people stay in the organization: in "no unit", or in {@code moveTo}, as the page's "move its
     * people to" (a caller who sent it was told nothing while it was ignored); the units inside it go with it.
     */
    @Operation(summary = "Delete a unit",
            description = "Its people stay in the organization: in no unit, or in the unit moveTo names (another unit of "
                    + "this organization, not one deleted with it). The units inside it are deleted with it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("organizationId") String organizationId, @PathParam("id") String id,
                           @HeaderParam("If-Match") String ifMatch,
                           @Parameter(description = "the unit its people move to; none: no unit")
                           @QueryParam("moveTo") String moveTo) {
        UUID organization = Ids.parse(organizationId, "organization");
        UUID unit = Ids.parse(id, "unit");
        // a list's filter sent empty is "not sent"; here that would send the people to no unit, and a client whose
        // template left the id out meant a unit (the probe): asked for, as the import's empty dryRun is. The REST
        // layer hands "?moveTo" and "?moveTo=" over as not sent: the query itself is asked
        if ((moveTo == null && uri.getQueryParameters().containsKey("moveTo")) || (moveTo != null && moveTo.isBlank())) {
            throw Problems.invalid("moveTo", "is empty: give a unit's id, or leave moveTo out for no unit");
        }
        units.delete(organization, unit, ifMatch, Ids.filter(moveTo, "moveTo"));
        return Response.noContent().build();
    }
}
