package org.groundwork.platform;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Test only: PastItsTimeResource's change past its time limit at a page's address, so a browser meets the 503
 * page (RequestIdsTest).
 */
@Path("/test-only/past-its-time")
public class PastItsTimePageResource {

    @Inject
    PastItsTimeResource api;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public String sleep() {
        return api.sleep();
    }
}
