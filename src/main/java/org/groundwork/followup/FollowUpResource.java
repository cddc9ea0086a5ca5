package org.groundwork.followup;

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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.groundwork.followup.FollowUpJson.FollowUpFilter;
import org.groundwork.followup.FollowUpJson.FollowUpChange;
import org.groundwork.followup.FollowUpJson.FollowUpView;
import org.groundwork.followup.FollowUpJson.NewFollowUp;
import org.groundwork.followup.FollowUpJson.Queue;
import org.groundwork.platform.Idempotent;
import org.groundwork.platform.Ids;
import org.groundwork.platform.Versioned;
import org.groundwork.platform.Page;
import org.groundwork.platform.Patches;


@Path("/api/v1/followups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class FollowUpResource {

    @Inject
    FollowUpService followUps;
    @Inject
    Patches patches;

    @Operation(summary = "List follow-ups",
            description = "Follow-ups a page at a time, filtered by status (default open), assignee and contact.")
    @GET
    public Page<FollowUpView> list(@QueryParam("status") String status, @QueryParam("assignee") String assignee,
                                   @QueryParam("contact") String contact, @QueryParam("limit") String limit,
                                   @QueryParam("cursor") String cursor) {
        return followUps.list(FollowUpFilter.parse(status, assignee, contact), Page.limit(limit), cursor);
    }

    @Operation(summary = "Read the follow-up queue",
            description = "Who to talk to next: open follow-ups as heat (after-action), overdue, today and upcoming by the team's today, and contacts cooling off. Coordinators may read another organizer's queue.")
    @GET
    @Path("/queue")
    public Queue queue(@QueryParam("organizer") String organizer) {
        return followUps.queue(Ids.filter(organizer, "organizer"));
    }

    @Operation(summary = "Open a follow-up",
            description = "Opens a follow-up owed to a contact, assigned to the caller unless another assignee is named.")
    @Extension(name = ApiDocument.ETAG, value = "true")
    @POST
    @Idempotent
    @Parameter(name = Idempotent.HEADER, in = ParameterIn.HEADER, description = Idempotent.DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING, maxLength = 200))
    @APIResponseSchema(value = org.groundwork.followup.FollowUpJson.FollowUpView.class, responseCode = "201")
    public Response create(NewFollowUp request) {
        Versioned<FollowUpView> f = followUps.create(request);
        return f.created("/api/v1/followups/" + f.view().id());
    }

    @Operation(summary = "Get a follow-up",
            description = "One follow-up, with its ETag for a later change.")
    @Extension(name = ApiDocument.ETAG, value = "true")
    @GET
    @Path("/{id}")
    @APIResponseSchema(value = org.groundwork.followup.FollowUpJson.FollowUpView.class, responseCode = "200")
    public Response get(@PathParam("id") String id) {
        return followUps.find(Ids.parse(id, "follow-up")).ok();
    }

    @Operation(summary = "Change a follow-up",
            description = "A JSON merge patch: reschedule, reassign, or mark done or dropped.")
    @Extension(name = ApiDocument.ETAG, value = "true")
    @PATCH
    @Consumes({MediaType.APPLICATION_JSON, Patch.MERGE_PATCH})
    @Path("/{id}")
    @APIResponseSchema(value = org.groundwork.followup.FollowUpJson.FollowUpView.class, responseCode = "200")
    public Response change(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, @RequestBody(content = @Content(schema = @Schema(implementation = org.groundwork.followup.FollowUpJson.FollowUpChange.class))) JsonNode body) {
        return followUps.change(Ids.parse(id, "follow-up"), patches.read(body, FollowUpChange.class), ifMatch).ok();
    }
}
