package org.groundwork.action;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.groundwork.platform.ApiDocument;
import org.groundwork.platform.Patch;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.groundwork.action.ActionJson.ActionChange;
import org.groundwork.action.ActionJson.ActionItem;
import org.groundwork.action.ActionJson.ActionView;
import org.groundwork.action.ActionJson.AttendanceItem;
import org.groundwork.action.ActionJson.NewAction;
import org.groundwork.platform.Idempotent;
import org.groundwork.platform.Ids;
import org.groundwork.platform.Versioned;
import org.groundwork.platform.Page;
import org.groundwork.platform.Patches;

import java.util.List;

@Path("/api/v1/actions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class ActionResource {

    @Inject
    ActionService actions;
    @Inject
    Patches patches;

    @Operation(summary = "List actions",
            description = "The team's actions, newest first, a page at a time; filter by work.")
    @GET
    public Page<ActionItem> list(@QueryParam("work") String work, @QueryParam("limit") String limit,
                                 @QueryParam("cursor") String cursor) {
        return actions.list(Ids.filter(work, "work"), Page.limit(limit), cursor);
    }

    @Operation(summary = "Get an action",
            description = "One action with its organizers present and its attendance.")
    @Extension(name = ApiDocument.ETAG, value = "true")
    @GET
    @Path("/{id}")
    @APIResponseSchema(value = org.groundwork.action.ActionJson.ActionView.class, responseCode = "200")
    public Response get(@PathParam("id") String id) {
        return actions.find(Ids.parse(id, "action")).ok();
    }

    @Operation(summary = "Record an action",
            description = "Records a collective action or meeting; the organizers present default to the caller.")
    @Extension(name = ApiDocument.ETAG, value = "true")
    @POST
    @Idempotent
    @Parameter(name = Idempotent.HEADER, in = ParameterIn.HEADER, description = Idempotent.DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING, maxLength = 200))
    @APIResponseSchema(value = org.groundwork.action.ActionJson.ActionView.class, responseCode = "201")
    public Response create(NewAction request) {
        Versioned<ActionView> a = actions.create(request);
        return a.created("/api/v1/actions/" + a.view().id());
    }

    @Operation(summary = "Change an action",
            description = "A JSON merge patch of the action's fields (send only what changes; null clears an optional field).")
    @Extension(name = ApiDocument.ETAG, value = "true")
    @PATCH
    @Consumes({MediaType.APPLICATION_JSON, Patch.MERGE_PATCH})
    @Path("/{id}")
    @APIResponseSchema(value = org.groundwork.action.ActionJson.ActionView.class, responseCode = "200")
    public Response change(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, @RequestBody(content = @Content(schema = @Schema(implementation = org.groundwork.action.ActionJson.ActionChange.class))) JsonNode body) {
        return actions.change(Ids.parse(id, "action"), patches.read(body, ActionChange.class), ifMatch).ok();
    }

    /** Replaces the whole attendance: [{contactId | newContact, firstTime, notes}]. */
    @Operation(summary = "Replace an action's attendance",
            description = "Replaces the whole attendance list. `newContact` creates a person at the door; first-timers open an after-action follow-up for their owner within the team's heat window; someone taken off the list (or no longer marked firstTime) who is no longer a newcomer (their first remaining action began more than the heat window's days before the action that opened the follow-up, or there is none) has that follow-up dropped, unless it was changed by hand.")
    @Extension(name = ApiDocument.ETAG, value = "true")
    @PUT
    @Idempotent
    @Parameter(name = Idempotent.HEADER, in = ParameterIn.HEADER, description = Idempotent.DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING, maxLength = 200))
    @Path("/{id}/attendance")
    @APIResponseSchema(value = org.groundwork.action.ActionJson.ActionView.class, responseCode = "200")
    public Response attendance(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                               List<AttendanceItem> items) {
        return actions.replaceAttendance(Ids.parse(id, "action"), items, ifMatch).ok();
    }
}
