package org.groundwork.importexport;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import org.groundwork.contact.ContactJson.Filter;

/** CSV downloads of the team's data: coordinators and admins only, each one logged. */
@Path("/api/v1/exports")
@RolesAllowed("coordinator")
public class ExportResource {

    static final String CSV = "text/csv; charset=UTF-8";

    @Inject
    ExportService exports;

    /** The contact list's filters: level, position, owner, organization, tag, q. */
    @GET
    @Path("/contacts.csv")
    @Produces(CSV)
    public Response contacts(@QueryParam("level") String level, @QueryParam("position") String position,
                             @QueryParam("owner") String owner, @QueryParam("organization") String organization,
                             @QueryParam("tag") String tag, @QueryParam("q") String q, @Context UriInfo uri) {
        StreamingOutput body = exports.contacts(new Filter(level, position, owner, organization, tag, q),
                uri.getRequestUri().getRawQuery());
        return download(body, "contacts.csv");
    }

    @GET
    @Path("/conversations.csv")
    @Produces(CSV)
    public Response conversations(@Context UriInfo uri) {
        return download(exports.conversations(uri.getRequestUri().getRawQuery()), "conversations.csv");
    }

    private static Response download(StreamingOutput body, String name) {
        return Response.ok(body, CSV).header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }
}
