package org.groundwork.organizer;

import org.groundwork.platform.ApiDocument;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.HeaderParam;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.POST;
import org.groundwork.organizer.OrganizerJson.PasswordChange;
import org.groundwork.organizer.OrganizerJson.FirstPassword;
import org.groundwork.organizer.OrganizerJson.OrganizerView;
import org.groundwork.platform.ETags;
import org.groundwork.platform.Ids;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.groundwork.platform.Patch;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import io.vertx.core.http.HttpServerRequest;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.groundwork.organizer.OrganizerJson.Me;
import org.groundwork.organizer.OrganizerJson.MeChange;
import org.groundwork.organizer.OrganizerJson.NewTeam;
import org.groundwork.organizer.OrganizerJson.NewTeamResult;
import org.groundwork.organizer.OrganizerJson.TeamSettings;
import org.groundwork.organizer.OrganizerJson.TeamView;
import org.groundwork.platform.Patches;

import java.net.URI;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class TeamResource {

    @Inject
    OrganizerService organizers;
    @Inject
    Patches patches;

    /** The current organizer and their team. */
    @Operation(summary = "Get me",
            description = "The calling organizer and their team.")
    @GET
    @Path("/me")
    public Me me() {
        return organizers.me();
    }

    /** One's own preferences: the language of one's pages (the same choice as on the Settings page). */
    @Operation(summary = "Change my preferences",
            description = "A JSON merge patch of the caller's own preferences: {language} (en or es), the language of "
                    + "their pages from the next page on. Answers the caller and their team, as GET /me.")
    @PATCH
    @Consumes({MediaType.APPLICATION_JSON, Patch.MERGE_PATCH})
    @Path("/me")
    public Me changeMe(@Parameter(description = ETags.UNVERSIONED) @HeaderParam("If-Match") String ifMatch,
                       @RequestBody(content = @Content(schema = @Schema(implementation = MeChange.class))) JsonNode body) {
        // one's preferences have no version (GET /me answers no ETag): an If-Match naming one is a 412, not ignored
        ETags.unversioned(ifMatch);
        return organizers.changeMe(patches.read(body, MeChange.class));
    }

    /** Changes one's password; every session and API token of the account ends with it. */
    @Operation(summary = "Change my password",
            description = "Changes the caller's password; every session and API token of the account ends with it.")
    @APIResponse(responseCode = "204", description = "Changed; every session and token of the account has ended")
    @APIResponse(responseCode = "429", description = "Too many wrong current passwords: wait Retry-After seconds")
    @POST
    @Path("/me/password")
    public void changePassword(PasswordChange change, @Context HttpServerRequest http) {
        organizers.changePassword(change, http.remoteAddress() == null ? null : http.remoteAddress().hostAddress());
    }

    /** The caller's team and its settings (time zone, heat window, cooling days). */
    @Operation(summary = "Get my team",
            description = "The caller's team and its settings: time zone, heat window, cooling days, phone country code.")
    @Extension(name = ApiDocument.ETAG, value = "true")
    @GET
    @Path("/team")
    @APIResponseSchema(value = TeamView.class, responseCode = "200")
    public Response team() {
        return organizers.teamAsStored().ok();
    }

    @Operation(summary = "Change the team's settings",
            description = "A JSON merge patch of the team's name, time zone, heat window, cooling days, phone country code "
                    + "and required two-factor; admins only. If-Match with the team's ETag.")
    @Extension(name = ApiDocument.ETAG, value = "true")
    @PATCH
    @Consumes({MediaType.APPLICATION_JSON, Patch.MERGE_PATCH})
    @Path("/team")
    @APIResponseSchema(value = TeamView.class, responseCode = "200")
    public Response changeTeam(@HeaderParam("If-Match") String ifMatch,
            @RequestBody(content = @Content(schema = @Schema(implementation = TeamSettings.class))) JsonNode body) {
        organizers.mayChangeTeam(); // the role before the body: a coordinator's patch is a 403 whatever it holds
        return organizers.changeTeam(patches.read(body, TeamSettings.class), ifMatch).ok();
    }

    /** A first password for an organizer of a restored team, who has none (docs/operations.md). */
    @Operation(summary = "Set a restored organizer's first password",
            description = "Instance admin only. Works once, for an organizer of a restored team who has no password yet; "
                    + "an account that already has one answers 409.")
    @APIResponseSchema(value = OrganizerView.class, responseCode = "200", responseDescription = "The first password is set")
    @APIResponse(responseCode = "409", description = "The organizer already has a password")
    @PUT
    @Path("/teams/{teamId}/organizers/{organizerId}/password")
    @RolesAllowed(Identities.INSTANCE_ADMIN)
    public OrganizerView setFirstPassword(@PathParam("teamId") String teamId,
                                          @PathParam("organizerId") String organizerId, FirstPassword request) {
        return organizers.setFirstPassword(Ids.parse(teamId, "organizer"), Ids.parse(organizerId, "organizer"),
                request);
    }

    /** Only the instance admin (the account made by setup) creates further teams. */
    @Operation(summary = "Create a team",
            description = "Creates another team with its own admin; only the instance admin (the account setup made) may.")
    @APIResponseSchema(value = NewTeamResult.class, responseCode = "201", responseDescription = "Created: the team and its admin")
    @POST
    @Path("/teams")
    @RolesAllowed(Identities.INSTANCE_ADMIN)
    public RestResponse<NewTeamResult> createTeam(NewTeam request) {
        NewTeamResult result = organizers.createTeam(request);
        return ResponseBuilder.<NewTeamResult>created(URI.create("/api/v1/organizers/" + result.admin().id())).entity(result).build();
    }
}
