package org.groundwork.organizer;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;
import org.groundwork.organizer.OrganizerJson.Setup;
import org.groundwork.organizer.OrganizerJson.SetupResult;

import java.net.URI;

@Path("/api/v1/setup")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PermitAll
public class SetupResource {

    @Inject
    OrganizerService organizers;

    /** First run: the first team, its admin, and a token for that admin. 409 once done. */
    @POST
    public RestResponse<SetupResult> setup(Setup setup) {
        SetupResult result = organizers.setup(setup);
        return ResponseBuilder.<SetupResult>created(URI.create("/api/v1/me")).entity(result).build();
    }
}
