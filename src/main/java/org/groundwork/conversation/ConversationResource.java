package org.groundwork.conversation;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
import jakarta.ws.rs.core.Response;
import org.groundwork.conversation.ConversationJson.ConversationChange;
import org.groundwork.conversation.ConversationJson.ConversationFilter;
import org.groundwork.conversation.ConversationJson.ConversationView;
import org.groundwork.conversation.ConversationJson.CreatedConversation;
import org.groundwork.conversation.ConversationJson.NewConversation;
import org.groundwork.platform.Idempotent;
import org.groundwork.platform.Ids;
import org.groundwork.platform.Versioned;
import org.groundwork.platform.Page;
import org.groundwork.platform.Patches;


@Path("/api/v1/conversations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class ConversationResource {

    @Inject
    ConversationService conversations;
    @Inject
    Patches patches;

    @Operation(summary = "List conversations",
            description = "One-to-one conversations a page at a time, filtered by contact, organizer, work and dates.")
    @GET
    public Page<ConversationView> list(@QueryParam("contact") String contact, @QueryParam("organizer") String organizer,
                                       @QueryParam("work") String work, @QueryParam("from") String from,
                                       @QueryParam("to") String to, @QueryParam("limit") String limit,
                                       @QueryParam("cursor") String cursor) {
        return conversations.list(ConversationFilter.parse(contact, organizer, work, from, to), Page.limit(limit), cursor);
    }

    @Operation(summary = "Log a conversation",
            description = "Logs a one-to-one with a contact. A nextStep opens a next-step follow-up; completeFollowUpIds closes the follow-ups listed (never silently).")
    @Extension(name = ApiDocument.ETAG, value = "true")
    @POST
    @Idempotent
    @Parameter(name = Idempotent.HEADER, in = ParameterIn.HEADER, description = Idempotent.DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING, maxLength = 200))
    @APIResponseSchema(value = org.groundwork.conversation.ConversationJson.CreatedConversation.class, responseCode = "201")
    public Response create(NewConversation request) {
        CreatedConversation created = conversations.create(request);
        // a new row is at version 0
        return Versioned.created("/api/v1/conversations/" + created.conversation().id(), created, 0);
    }

    @Operation(summary = "Get a conversation",
            description = "One conversation, with its ETag for a later change.")
    @Extension(name = ApiDocument.ETAG, value = "true")
    @GET
    @Path("/{id}")
    @APIResponseSchema(value = org.groundwork.conversation.ConversationJson.ConversationView.class, responseCode = "200")
    public Response get(@PathParam("id") String id) {
        return conversations.find(Ids.parse(id, "conversation")).ok();
    }

    @Operation(summary = "Change a conversation",
            description = "A JSON merge patch of the conversation's fields (send only what changes; null clears an optional field).")
    @Extension(name = ApiDocument.ETAG, value = "true")
    @PATCH
    @Consumes({MediaType.APPLICATION_JSON, Patch.MERGE_PATCH})
    @Path("/{id}")
    @APIResponseSchema(value = org.groundwork.conversation.ConversationJson.ConversationView.class, responseCode = "200")
    public Response change(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, @RequestBody(content = @Content(schema = @Schema(implementation = org.groundwork.conversation.ConversationJson.ConversationChange.class))) JsonNode body) {
        return conversations.change(Ids.parse(id, "conversation"),
                patches.read(body, ConversationChange.class), ifMatch).ok();
    }

    @Operation(summary = "Delete a conversation",
            description = "Deletes the conversation; its minutes leave the reports. The follow-ups it completed are"
                    + " open again (not an erased person's, nor an after-action one whose person is off its action's list or has"
                    + " another open);"
                    + " those it opened stay as they are.")

    @APIResponse(responseCode = "204", description = "Deleted")
    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        conversations.delete(Ids.parse(id, "conversation"), ifMatch);
        return Response.noContent().build();
    }
}
