package org.groundwork.organization;

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

    @GET
    public Page<OrganizationView> list(@QueryParam("q") String q, @QueryParam("limit") String limit,
                                       @QueryParam("cursor") String cursor) {
        return organizations.list(q, Page.limit(limit), cursor);
    }

    @GET
    @Path("/{id}")
    @APIResponseSchema(value = org.groundwork.organization.OrganizationJson.OrganizationView.class, responseCode = "200")
    public Response get(@PathParam("id") String id) {
        Organization o = organizations.require(Ids.parse(id, "organization"));
        return Response.ok(OrganizationView.of(o)).tag(ETags.of(o.version)).build();
    }

    @POST
    @APIResponseSchema(value = org.groundwork.organization.OrganizationJson.OrganizationView.class, responseCode = "201")
    public Response create(NewOrganization request) {
        Organization o = organizations.create(request);
        return Response.created(URI.create("/api/v1/organizations/" + o.id))
                .entity(OrganizationView.of(o)).tag(ETags.of(o.version)).build();
    }

}
