package org.groundwork.importexport;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.groundwork.importexport.ImportJson.ImportJobView;
import org.groundwork.importexport.ImportJson.ImportReport;
import org.groundwork.importexport.ImportJson.ImportOptions;
import org.groundwork.importexport.ImportJson.OnMatch;
import org.groundwork.platform.Flags;
import org.groundwork.platform.Ids;
import org.groundwork.platform.Problems;

import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/** Bulk import of contacts from the files organizers have: see docs/import.md. */
@Path("/api/v1/imports")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ImportResource {

    @Inject
    ImportJobs jobs;

    @Context
    UriInfo uri;

    /**
     * The body is the file itself, read as it arrives (an InputStream on a worker thread is not
     * buffered whole). {@code map} repeats: {@code ?map=Workplace:organization&map=Zip:note}.
     * A file of more than {@code groundwork.import.background-rows} rows is imported in the
     * background: 202 with the job and its address (docs/import.md, "Large files").
     */
    @Operation(summary = "Import contacts from a CSV file",
            description = "The body is the file (CSV or tab-separated). dryRun checks without writing; onMatch says whether a contact already there is skipped or updated; map names a column's field. Answers what was created, updated and skipped, and each row's errors.")
    @APIResponseSchema(value = ImportReport.class, responseCode = "200", responseDescription = "What was (or, on a dry run, would be) created, updated and skipped")
    @APIResponse(responseCode = "413", description = "The file is larger than the import limit (50 MB by default) or has more rows (200,000 by default), or the team's contacts and the file's new people are more than the server's imports may hold in memory")
    @APIResponse(responseCode = "503", description = "The database is not reachable, or other imports on this server hold the memory this one needs now; try again after Retry-After seconds")
    @POST
    @Path("/contacts")
    @Consumes({"text/csv", "text/plain", "application/csv", "text/tab-separated-values"})
    @APIResponse(responseCode = "200", description = "Imported (or checked, with dryRun)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "202", description = "A large file, imported in the background: the job, at Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportJobView.class)))
    public Response contacts(@QueryParam("dryRun") String dryRun, @QueryParam("onMatch") String onMatch,
                             @QueryParam("map") List<String> map, InputStream body) {
        // a declared size over the limit was refused already (ImportSizeLimit)
        ImportJobs.Outcome outcome = jobs.importUpload(body, new ImportOptions(dryRun(dryRun), onMatch(onMatch), map));
        if (outcome.report() != null) {
            return Response.ok(outcome.report()).build();
        }
        ImportJobView job = jobs.find(outcome.jobId()).view();
        return Response.accepted(job).location(URI.create("/api/v1/imports/" + job.id())).build();
    }

    /** A background import's progress and, once done, its answer; only its organizer's (404 for anyone else). */
    @Operation(summary = "Get a background import's progress",
            description = "Rows read, created, updated, skipped and errors so far, its state (queued, running, done, "
                    + "failed, interrupted) and, once done, the same report a small import answers at once. Only the "
                    + "organizer who started it sees it.")
    @GET
    @Path("/{id}")
    public ImportJobView job(@PathParam("id") String id) {
        return jobs.find(Ids.parse(id, "import")).view();
    }

    /**
     * Not sent is a real import. Sent empty ("?dryRun=") is refused, not read as not sent as other empty
     * parameters are: that reading would write the file for a caller who was asking for something.
     */
    private boolean dryRun(String value) {
        // the REST layer hands "?dryRun" and "?dryRun=" over as not sent: ask the query itself
        if (value == null && !uri.getQueryParameters().containsKey("dryRun")) {
            return false;
        }
        return Flags.required(value, "dryRun");
    }

    private static OnMatch onMatch(String value) {
        if (value == null || value.isBlank()) {
            return OnMatch.SKIP;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "skip" -> OnMatch.SKIP;
            case "update" -> OnMatch.UPDATE;
            default -> throw Problems.invalid("onMatch", "'" + value + "' is not one of skip, update");
        };
    }
}
