package org.groundwork.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.groundwork.platform.PastItsTimeResource;

/**
 * Test only: a page form whose change runs past its transaction's time limit (PastItsTimeResource's, one second), as a
 * page edit of a person a very large merge was moving could. Drawn again as plain text: what was typed, then the
 * form's messages.
 */
@Path("/test-only/past-its-time")
public class PastItsTimePage {

    @Inject
    PastItsTimeResource slow;

    @POST
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(hidden = true)
    public Object post() {
        Form form = Form.posted();
        String typed = form.text("note");
        return form.submit(() -> slow.sleep(), slept -> slept, () -> "typed: " + typed + "; said: " + form.errors());
    }
}
