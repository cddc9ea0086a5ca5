package org.groundwork.report;

import org.eclipse.microprofile.openapi.annotations.Operation;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.groundwork.report.ReportJson.MovementReport;
import org.groundwork.report.ReportJson.TimeReport;

@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ReportResource {

    @Inject
    ReportService reports;

    /** Who does this work put me with: minutes by level at the time, position, kind, work and week. */
    @Operation(summary = "Report who the work puts me with",
            description = "Minutes by level at the time, position, one-to-one or group, work and week, with each work's verdict against its focus; coordinators may ask for another organizer or all.")
    @GET
    @Path("/time")
    public TimeReport time(@QueryParam("from") String from, @QueryParam("to") String to,
                           @QueryParam("organizer") String organizer, @QueryParam("work") String work) {
        return reports.time(ReportQuery.parse(from, to, organizer, work));
    }

    /** Level movement, follow-up timeliness after first actions, open and overdue follow-ups, cooling. */
    @Operation(summary = "Report level movement",
            description = "Level movement, follow-up timeliness after first actions, open and overdue follow-ups, and cooling contacts over a period.")
    @GET
    @Path("/movement")
    public MovementReport movement(@QueryParam("from") String from, @QueryParam("to") String to,
                                   @QueryParam("organizer") String organizer) {
        return reports.movement(ReportQuery.parse(from, to, organizer, null));
    }
}
