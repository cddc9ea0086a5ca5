package org.groundwork.platform;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Test only: a change that runs past its transaction's time limit (one second here), as a merge of a very large
 * organization ran past 60 s (PastItsTimeTest): the transaction manager rolls it back and cancels its statement.
 */
@Path("/api/v1/test-only/past-its-time")
public class PastItsTimeResource {

    @Inject
    EntityManager em;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(hidden = true)
    @Transactional
    @TransactionConfiguration(timeout = 1)
    public String sleep() {
        em.createNativeQuery("select pg_sleep(4)").getSingleResult();
        return "slept";
    }

    /** Past its limit between two statements: the transaction manager rolls it back while no statement runs. */
    @GET
    @Path("/between")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(hidden = true)
    @Transactional
    @TransactionConfiguration(timeout = 1)
    public String sleepBetween() throws InterruptedException {
        em.createNativeQuery("select 1").getSingleResult();
        Thread.sleep(2500);
        em.createNativeQuery("select 2").getSingleResult();
        return "slept";
    }
}
