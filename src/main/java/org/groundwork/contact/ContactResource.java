package org.groundwork.contact;

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
import org.groundwork.contact.ContactJson.ContactChange;
import org.groundwork.contact.ContactJson.ContactView;
import org.groundwork.contact.ContactJson.Filter;
import org.groundwork.contact.ContactJson.LevelChangeView;
import org.groundwork.contact.ContactJson.NewContact;
import org.groundwork.contact.ContactJson.NewLevel;
import org.groundwork.contact.ContactJson.TimelineItem;
import org.groundwork.platform.ETags;
import org.groundwork.platform.Idempotent;
import org.groundwork.platform.Ids;
import org.groundwork.platform.Versioned;
import org.groundwork.platform.Page;
import org.groundwork.platform.Patches;
import org.groundwork.platform.Problems;

import java.net.URI;

@Path("/api/v1/contacts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class ContactResource {

    /** The document's words for a level change's If-Match: the contact's version, not the change's (which has none). */
    public static final String LEVEL_IF_MATCH = "The contact's ETag (GET /contacts/{id}): its level is one of its fields;"
            + " a stale one is a 412. The answer is the level change, which has no ETag of its own";


    @Inject
    ContactService contacts;
    @Inject
    Patches patches;

    @Operation(summary = "List contacts",
            description = "The team's contacts a page at a time, filtered by level, position, owner, organization, tag, or a search of name, email or phone digits.")
    @GET
    public Page<ContactView> list(@QueryParam("level") String level, @QueryParam("position") String position,
                                  @QueryParam("owner") String owner, @QueryParam("organization") String organization,
                                  @QueryParam("tag") String tag, @QueryParam("q") String q,
                                  @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return contacts.list(ContactQuery.of(new Filter(level, position, owner, organization, tag, q)), Page.limit(limit), cursor);
    }

    @Operation(summary = "Add a contact",
            description = "Adds a person; the owner defaults to the caller and the first level is recorded in the level history.")
    @Extension(name = ApiDocument.ETAG, value = "true")
    @POST
    @Idempotent
    @Parameter(name = Idempotent.HEADER, in = ParameterIn.HEADER, description = Idempotent.DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING, maxLength = 200))
    @APIResponseSchema(value = org.groundwork.contact.ContactJson.ContactView.class, responseCode = "201")
    public Response create(NewContact request) {
        Versioned<ContactView> c = contacts.create(request);
        return c.created("/api/v1/contacts/" + c.view().id());
    }

    @Operation(summary = "Get a contact",
            description = "One contact, with its ETag for a later change.")
    @Extension(name = ApiDocument.ETAG, value = "true")
    @GET
    @Path("/{id}")
    @APIResponseSchema(value = org.groundwork.contact.ContactJson.ContactView.class, responseCode = "200")
    public Response get(@PathParam("id") String id) {
        return contacts.find(Ids.parse(id, "contact")).ok();
    }

    @Operation(summary = "Change a contact",
            description = "A JSON merge patch of the contact's fields (send only what changes; null clears an optional field).")
    @Extension(name = ApiDocument.ETAG, value = "true")
    @PATCH
    @Consumes({MediaType.APPLICATION_JSON, Patch.MERGE_PATCH})
    @Path("/{id}")
    @APIResponseSchema(value = org.groundwork.contact.ContactJson.ContactView.class, responseCode = "200")
    public Response change(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, @RequestBody(content = @Content(schema = @Schema(implementation = org.groundwork.contact.ContactJson.ContactChange.class))) JsonNode body) {
        var contactId = Ids.parse(id, "contact");
        return contacts.change(contactId, patches.read(body, ContactChange.class), ifMatch).ok();
    }

    /** Erasure: the person's data goes for good; an anonymous tombstone keeps the figures true. */
    @Operation(summary = "Erase a contact",
            description = "Erases the person's data for good (name, phone, email, notes, tags and the words of their conversations); an anonymous tombstone keeps the minutes true.")
    @APIResponse(responseCode = "204", description = "Erased")
    @DELETE
    @Path("/{id}")
    public Response erase(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        contacts.erase(Ids.parse(id, "contact"), ifMatch);
        return Response.noContent().build();
    }

    @Operation(summary = "Change a contact's engagement level",
            description = "Appends a level change (new, less-involved, cadre) with a reason to the contact's history; changedAt may be back-dated.")
    @POST
    @Path("/{id}/level")
    @APIResponseSchema(value = org.groundwork.contact.ContactJson.LevelChangeView.class, responseCode = "201")
    public Response changeLevel(@PathParam("id") String id,
                                @Parameter(description = LEVEL_IF_MATCH) @HeaderParam("If-Match") String ifMatch,
                                NewLevel request) {
        var contactId = Ids.parse(id, "contact");
        LevelChangeView change = contacts.changeLevelIfMatch(contactId, request, ifMatch);
        // a level change has no URL of its own; it shows in the contact's timeline
        return Response.created(URI.create("/api/v1/contacts/" + contactId + "/timeline")).entity(change).build();
    }

    @Operation(summary = "Delete a level change recorded by mistake",
            description = "Deletes one of the contact's level changes (the wrong person, or a date too late to put an earlier change before it). The next change then starts from the level before it, and the contact's level follows its latest change. The level the contact was added with is not a change (409), nor is a delete that would leave the next change changing nothing (409: delete that one first).")
    @APIResponse(responseCode = "204", description = "Deleted")
    @DELETE
    @Path("/{id}/level-changes/{changeId}")
    public Response deleteLevelChange(@PathParam("id") String id, @PathParam("changeId") String changeId,
                                      @Parameter(description = ETags.UNVERSIONED) @HeaderParam("If-Match") String ifMatch) {
        ETags.unversioned(ifMatch);
        contacts.deleteLevelChange(Ids.parse(id, "contact"), Ids.parse(changeId, "level change"));
        return Response.noContent().build();
    }

    @Operation(summary = "Read a contact's timeline",
            description = "Conversations, attendance, level changes and follow-ups of one contact, newest first, a page at a time.")
    @GET
    @Path("/{id}/timeline")
    public Page<TimelineItem> timeline(@PathParam("id") String id, @QueryParam("limit") String limit,
                                              @QueryParam("cursor") String cursor) {
        return contacts.timeline(Ids.parse(id, "contact"), Page.limit(limit), cursor);
    }

}
