package org.groundwork.organizer;

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

    @GET
    public Page<SessionView> list() {
        return sessions.listOfCurrent();
    }

    /** Logs that browser out. */
    @DELETE
    @Path("/{id}")
    public void end(@PathParam("id") String id) {
        sessions.end(Ids.parse(id, "session"));
    }
}
