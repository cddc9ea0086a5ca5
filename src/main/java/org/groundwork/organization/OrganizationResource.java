package org.groundwork.organization;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.groundwork.platform.ApiDocument;
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
import org.groundwork.organization.OrganizationJson.NewOrganization;
import org.groundwork.organization.OrganizationJson.OrganizationView;
import org.groundwork.platform.ETags;
import org.groundwork.platform.Ids;
import org.groundwork.platform.Page;
import org.groundwork.platform.Problems;

import java.net.URI;

@Path("/api/v1/organizations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class OrganizationResource {

    @Inject
    OrganizationService organizations;

    @Operation(summary = "List organizations",
            description = "The team's organizations a page at a time, optionally searched by name.")
    @GET
    public Page<OrganizationView> list(@QueryParam("q") String q, @QueryParam("limit") String limit,
                                       @QueryParam("cursor") String cursor) {
        return organizations.list(q, limit(limit), cursor);
    }

    @Operation(summary = "Get an organization",
            description = "One organization.")
    @Extension(name = ApiDocument.ETAG, value = "true")
    @GET
    @Path("/{id}")
    @APIResponseSchema(value = org.groundwork.organization.OrganizationJson.OrganizationView.class, responseCode = "200")
    public Response get(@PathParam("id") String id) {
        Organization o = organizations.require(Ids.parse(id, "organization"));
        return Response.ok(OrganizationView.of(o)).tag(ETags.of(o.version)).build();
    }

    @Operation(summary = "Add an organization",
            description = "Adds a workplace, union, building or association; names are unique in the team.")
    @Extension(name = ApiDocument.ETAG, value = "true")
    @POST
    @APIResponseSchema(value = org.groundwork.organization.OrganizationJson.OrganizationView.class, responseCode = "201")
    public Response create(NewOrganization request) {
        Organization o = organizations.create(request);
        return Response.created(URI.create("/api/v1/organizations/" + o.id))
                .entity(OrganizationView.of(o)).tag(ETags.of(o.version)).build();
    }

    /** Read as text: JAX-RS would answer a non-number query parameter with 404, not a 400 naming it. */
    static int limit(String value) {
        if (value == null || value.isBlank()) {
            return Page.limit(null);
        }
        try {
            return Page.limit(Integer.valueOf(value.trim()));
        } catch (NumberFormatException e) {
            throw Problems.invalid("limit", "must be a whole number between 1 and " + Page.MAX_LIMIT);
        }
    }
}
