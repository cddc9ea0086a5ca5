package org.groundwork.platform;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test only: a request that holds its worker thread for a while, as one waiting on the database
 * does, and counts how many ran at once (WorkerThreadsTest); or until a test lets it go (SlowBodiesTest).
 */
@Path("/api/v1/test-only/held-request")
public class HeldRequestResource {

    static final AtomicInteger running = new AtomicInteger();
    static final AtomicInteger mostAtOnce = new AtomicInteger();
    /** With ?gated=true, held until the test opens this gate (30 s at most), not for 200 ms. */
    static volatile CountDownLatch gate = new CountDownLatch(0);

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(hidden = true)
    public String hold(@QueryParam("gated") boolean gated) throws InterruptedException {
        int now = running.incrementAndGet();
        mostAtOnce.accumulateAndGet(now, Math::max);
        try {
            if (gated) {
                gate.await(30, TimeUnit.SECONDS);
            } else {
                Thread.sleep(200);
            }
        } finally {
            running.decrementAndGet();
        }
        return "held";
    }
}
