package org.groundwork.importexport;

import org.groundwork.contact.ContactQuery;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
    @Operation(summary = "Export contacts as CSV",
            description = "The team's contacts as a CSV file, with the contact list's filters; coordinators and admins only, each export audited.")
    @GET
    @Path("/contacts.csv")
    @Produces(CSV)
    public Response contacts(@QueryParam("level") String level, @QueryParam("position") String position,
                             @QueryParam("owner") String owner, @QueryParam("organization") String organization,
                             @QueryParam("tag") String tag, @QueryParam("q") String q, @Context UriInfo uri) {
        StreamingOutput body = exports.contacts(ContactQuery.of(new Filter(level, position, owner, organization, tag, q)),
                uri.getRequestUri().getRawQuery());
        return download(body, "contacts.csv");
    }

    @Operation(summary = "Export conversations as CSV",
            description = "The team's conversations as a CSV file; coordinators and admins only, each export audited.")
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
