package org.groundwork.organizer;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.groundwork.organizer.OrganizerJson.SessionView;
import org.groundwork.platform.Ids;
import org.groundwork.platform.Page;

/** One's own login sessions (browsers); tokens are under /api/v1/tokens. */
@Path("/api/v1/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class SessionResource {

    @Inject
    LoginSessions sessions;

    @Operation(summary = "List my login sessions",
            description = "The caller's browser sessions; API tokens are under /api/v1/tokens.")
    @GET
    public Page<SessionView> list(@Parameter(description = Page.ONE_PAGE) @QueryParam("limit") String limit,
                                  @Parameter(description = Page.NO_CURSOR) @QueryParam("cursor") String cursor) {
        return Page.whole(sessions.listOfCurrent().items(), limit, cursor);
    }

    /** Logs that browser out. */
    @Operation(summary = "End a login session",
            description = "Logs that browser session out at once.")
    @DELETE
    @Path("/{id}")
    public void end(@PathParam("id") String id) {
        sessions.end(Ids.parseYours(id, "session"));
    }
}
