package org.groundwork.organizer;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
    @Operation(summary = "Set up the instance",
            description = "First run only: creates the first team, its admin (the instance admin) and a personal API token for that admin. Anonymous; 409 once any organizer exists.")
    @APIResponseSchema(value = SetupResult.class, responseCode = "201", responseDescription = "Set up: the admin, the team and the admin's token")
    @APIResponse(responseCode = "409", description = "Already set up: log in instead")
    @POST
    public RestResponse<SetupResult> setup(Setup setup) {
        organizers.notSetUpYet();
        SetupResult result = organizers.setup(setup);
        return ResponseBuilder.<SetupResult>created(URI.create("/api/v1/me")).entity(result).build();
    }
}
