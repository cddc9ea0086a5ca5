package org.groundwork.importexport;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.groundwork.platform.TeamScope;

import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * Database work of imports that runs outside a request's transaction (a background job has no
 * request at all): the job's state and progress, the import's own transaction, the waiting file's
 * claims and slices. It all goes through {@link #runForTeam}, which knows the team the work is
 * for: the one place where the team scope of row-level security (platform/TeamScope) is set for them.
 */
@ApplicationScoped
class TeamWork {

    /**
     * Runs {@code work} in a new transaction for {@code teamId} (a transaction of the caller's
     * thread is suspended meanwhile and resumed after); a runtime exception rolls it back and is
     * thrown as it is.
     */
    <T> T runForTeam(UUID teamId, int timeoutSeconds, Callable<T> work) {
        // Row-level security: the team is chosen inside the new transaction, so its connection is
        // set for the team when lent and the caller's transaction (an import's, whose connection
        // the writer thread may be using at this moment) is not touched; TeamScope flushes what
        // Hibernate holds before the scope ends.
        return QuarkusTransaction.requiringNew().timeout(timeoutSeconds).call(() -> TeamScope.runAs(teamId, work::call));
    }
}
