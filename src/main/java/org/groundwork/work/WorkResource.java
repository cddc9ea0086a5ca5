package org.groundwork.work;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.groundwork.platform.ApiDocument;
import org.groundwork.platform.Patch;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.groundwork.platform.Flags;
import org.groundwork.platform.Ids;
import org.groundwork.platform.Page;
import org.groundwork.platform.Patches;
import org.groundwork.platform.Versioned;
import org.groundwork.work.WorkJson.NewWork;
import org.groundwork.work.WorkJson.WorkChange;
import org.groundwork.work.WorkJson.WorkView;

@Path("/api/v1/works")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class WorkResource {

    @Inject
    WorkService works;
    @Inject
    Patches patches;

    @Operation(summary = "List works",
            description = "The team's works a page at a time, optionally only active ones.")
    @GET
    public Page<WorkView> list(@QueryParam("active") String active, @QueryParam("limit") String limit,
                               @QueryParam("cursor") String cursor) {
        return works.list(Flags.parse(active, "active"), Page.limit(limit), cursor);
    }

    @Operation(summary = "Get a work",
            description = "One work, with its ETag for a later change.")
    @Extension(name = ApiDocument.ETAG, value = "true")
    @GET
    @Path("/{id}")
    @APIResponseSchema(value = org.groundwork.work.WorkJson.WorkView.class, responseCode = "200")
    public Response get(@PathParam("id") String id) {
        return works.find(Ids.parse(id, "work")).ok();
    }

    @Operation(summary = "Add a work",
            description = "Adds a piece of work with its focus, mode and justification; names are unique in the team "
                    + "(case and surrounding spaces aside).")
    @Extension(name = ApiDocument.ETAG, value = "true")
    @POST
    @APIResponseSchema(value = org.groundwork.work.WorkJson.WorkView.class, responseCode = "201")
    public Response create(NewWork request) {
        Versioned<WorkView> w = works.create(request);
        return w.created("/api/v1/works/" + w.view().id());
    }

    @Operation(summary = "Change a work",
            description = "A JSON merge patch of the work's fields (send only what changes; null clears an optional field); "
                    + "a name another work of the team has is a 409.")
    @Extension(name = ApiDocument.ETAG, value = "true")
    @PATCH
    @Consumes({MediaType.APPLICATION_JSON, Patch.MERGE_PATCH})
    @Path("/{id}")
    @APIResponseSchema(value = org.groundwork.work.WorkJson.WorkView.class, responseCode = "200")
    public Response change(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, @RequestBody(content = @Content(schema = @Schema(implementation = org.groundwork.work.WorkJson.WorkChange.class))) JsonNode body) {
        return works.change(Ids.parse(id, "work"), patches.read(body, WorkChange.class), ifMatch).ok();
    }
}
