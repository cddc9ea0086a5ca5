package org.groundwork.archive;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.groundwork.archive.TeamRestore.Restored;
import org.groundwork.organizer.Identities;
import org.groundwork.platform.Problems;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.LocalDate;

/** A team's data leaves with it (the archive) and arrives on another instance (the restore). */
@Path("/api/v1")
@Authenticated
public class ArchiveResource {

    static final String ZIP = "application/zip";

    @Inject
    TeamArchive archive;
    @Inject
    TeamRestore restore;
    @Inject
    org.groundwork.organizer.CurrentOrganizer current;

    /** The caller's whole team as one zip; the team's admins only (checked by the service). */
    @Operation(summary = "Download the team's archive",
            description = "Team admins only. One zip, streamed: manifest.json (format and schema version, counts) "
                    + "and a JSON Lines file per table of the team's data, read as one consistent snapshot. "
                    + "No password hashes, two-factor secrets, tokens or sessions.")
    @APIResponse(responseCode = "200", description = "The archive (a zip)",
            content = @Content(mediaType = ZIP, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @GET
    @Path("/team/archive")
    @Produces(ZIP)
    public Response archive() {
        return Response.ok(archive.archive(), ZIP)
                .header("Content-Disposition", "attachment; filename=\"groundwork-team-"
                        // the team's day, as every date the team sees (in New York at 21:00 it is not tomorrow yet)
                        + LocalDate.now(current.team().zone()) + ".zip\"")
                .build();
    }

    /**
     * The body is the archive itself, read as it arrives ({@code curl --data-binary @team.zip -H
     * 'Content-Type: application/zip'}). A form upload (multipart) is the restore page's door
     * (ArchivePages), where the form carries its CSRF token: quarkus-rest-csrf checks every form
     * body, the API's too, so a multipart post from a script without the token is refused there.
     */
    @Operation(summary = "Restore a team from its archive",
            description = "Instance admin only. Creates the archived team with its ids, all or nothing; restored "
                    + "organizers have no password until the instance admin sets a first one.")
    @APIResponseSchema(value = Restored.class, responseCode = "201", responseDescription = "Restored: the team, its rows per file and its organizers")
    @APIResponse(responseCode = "409", description = "An id or an organizer's email of the archive is already used here; nothing was written")
    @APIResponse(responseCode = "413", description = "The archive is larger than the upload limit, or takes longer to restore than groundwork.restore.timeout")
    @POST
    @Path("/teams/restore")
    @Consumes({ZIP, "application/x-zip-compressed", MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Identities.INSTANCE_ADMIN)
    public RestResponse<Restored> restore(InputStream body) {
        Restored restored = restore.restore(body);
        // as a new team's 201 (TeamResource): where its first admin is, the organizer whose first password comes next
        // (a walk: the document promises a Location on every 201, and this one had none)
        return restored.organizers().stream()
                .min(java.util.Comparator.comparing(o -> o.role() != org.groundwork.organizer.Role.ADMIN))
                .map(first -> RestResponse.ResponseBuilder.<Restored>created(URI.create("/api/v1/organizers/" + first.id()))
                        .entity(restored).build())
                .orElseGet(() -> RestResponse.status(RestResponse.Status.CREATED, restored));
    }

    static InputStream open(FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            throw Problems.invalid("archive", "choose the archive file (.zip) to restore");
        }
        try {
            return Files.newInputStream(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
