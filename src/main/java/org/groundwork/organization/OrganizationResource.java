package org.groundwork.organization;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.groundwork.platform.ApiDocument;
import org.groundwork.platform.Patch;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.groundwork.organization.ChartJson.Leader;
import org.groundwork.organization.OrganizationJson.Merge;
import org.groundwork.organization.OrganizationJson.NewOrganization;
import org.groundwork.organization.OrganizationJson.OrganizationChange;
import org.groundwork.platform.Patches;
import java.util.UUID;
import org.groundwork.organization.OrganizationJson.OrganizationView;
import org.groundwork.platform.Ids;
import org.groundwork.platform.Versioned;
import org.groundwork.platform.Page;


@Path("/api/v1/organizations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class OrganizationResource {

    @Inject
    OrganizationService organizations;
    @Inject
    WallChart chart;
    @Inject
    Patches patches;

    @Operation(summary = "List organizations",
            description = "The team's organizations a page at a time, optionally searched by name.")
    @GET
    public Page<OrganizationView> list(@QueryParam("q") String q, @QueryParam("limit") String limit,
                                       @QueryParam("cursor") String cursor) {
        return organizations.list(q, Page.limit(limit), cursor);
    }

    @Operation(summary = "Get an organization",
            description = "One organization.")
    @Extension(name = ApiDocument.ETAG, value = "true")
    @GET
    @Path("/{id}")
    @APIResponseSchema(value = org.groundwork.organization.OrganizationJson.OrganizationView.class, responseCode = "200")
    public Response get(@PathParam("id") String id) {
        return organizations.find(Ids.parse(id, "organization")).ok();
    }

    @Operation(summary = "Add an organization",
            description = "Adds a workplace, union, building or association; names are unique in the team.")
    @Extension(name = ApiDocument.ETAG, value = "true")
    @POST
    @APIResponseSchema(value = org.groundwork.organization.OrganizationJson.OrganizationView.class, responseCode = "201")
    public Response create(NewOrganization request) {
        Versioned<OrganizationView> o = organizations.create(request);
        return o.created("/api/v1/organizations/" + o.view().id());
    }

    /** Rename, or change the kind; {@code If-Match} as everywhere. */
    @Operation(summary = "Change an organization",
            description = "Rename it or change its kind (JSON merge patch); If-Match with the organization's ETag.")
    @Extension(name = ApiDocument.ETAG, value = "true")
    @PATCH
    @Consumes({MediaType.APPLICATION_JSON, Patch.MERGE_PATCH})
    @Path("/{id}")
    @APIResponseSchema(value = OrganizationView.class, responseCode = "200")
    public Response change(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                           @RequestBody(content = @Content(schema = @Schema(implementation = OrganizationChange.class))) JsonNode body) {
        UUID organization = Ids.parse(id, "organization");
        return organizations.change(organization, patches.read(body, OrganizationChange.class), ifMatch).ok();
    }

    /** The organization in the path goes into {@code intoOrganizationId}: people and units move, it is removed. */
    @Operation(summary = "Merge an organization into another",
            description = "Coordinators and admins. Its people and units move into intoOrganizationId and it is removed.")
    @Extension(name = ApiDocument.ETAG, value = "true")
    @POST
    @Path("/{id}/merge")
    @APIResponseSchema(value = OrganizationView.class, responseCode = "200")
    public Response merge(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, Merge request) {
        return organizations.merge(Ids.parse(id, "organization"), request, ifMatch).ok();
    }

    /** The organic leaders: people others listen to, most listeners first (the first {@code limit}). */
    @Operation(summary = "List an organization's organic leaders",
            description = "People others listen to, most listeners first, with their level, owner and days since anyone on the team talked to them (the first limit, 1-200, default 50).")
    @GET
    @Path("/{id}/leaders")
    public Page<Leader> leaders(@PathParam("id") String id, @QueryParam("limit") String limit,
                                @Parameter(description = Page.NO_CURSOR) @QueryParam("cursor") String cursor) {
        // a ranking: the first `limit` (1-200, default 50); nextCursor is always null
        int n = Page.limit(limit);
        Page.noCursor(cursor);
        return new Page<>(chart.leaders(Ids.parse(id, "organization"), n), null);
    }
}
