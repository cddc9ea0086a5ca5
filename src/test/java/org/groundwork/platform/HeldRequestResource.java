package org.groundwork.platform;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test only: a request that holds its worker thread for a while, as one waiting on the database
 * does, and counts how many ran at once (WorkerThreadsTest).
 */
@Path("/api/v1/test-only/held-request")
public class HeldRequestResource {

    static final AtomicInteger running = new AtomicInteger();
    static final AtomicInteger mostAtOnce = new AtomicInteger();

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(hidden = true)
    public String hold() throws InterruptedException {
        int now = running.incrementAndGet();
        mostAtOnce.accumulateAndGet(now, Math::max);
        try {
            Thread.sleep(200);
        } finally {
            running.decrementAndGet();
        }
        return "held";
    }
}
