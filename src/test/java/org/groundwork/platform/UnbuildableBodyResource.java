package org.groundwork.platform;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Test only: a request type Jackson cannot build whatever the body (an interface, no type
 * information), as a bug of ours would be. BadInputTest checks it is a logged 500, not the
 * caller's 400.
 */
@Path("/api/v1/test-only/unbuildable-body")
public class UnbuildableBodyResource {

    public record Unbuildable(Runnable task) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public String read(Unbuildable body) {
        return "{}";
    }
}
