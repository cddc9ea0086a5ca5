package org.groundwork.importexport;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * Database work of imports that runs outside a request's transaction (a background job has no
 * request at all): the job's state and progress, the import's own transaction, the waiting file's
 * claims and slices. It all goes through {@link #runForTeam}, which knows the team the work is
 * for: the one place where the per-transaction team scope of row-level security is to be set.
 */
@ApplicationScoped
class TeamWork {

    /**
     * Runs {@code work} in a new transaction for {@code teamId} (a transaction of the caller's
     * thread is suspended meanwhile and resumed after); a runtime exception rolls it back and is
     * thrown as it is.
     */
    <T> T runForTeam(UUID teamId, int timeoutSeconds, Callable<T> work) {
        return QuarkusTransaction.requiringNew().timeout(timeoutSeconds).call(() -> {
            // row-level security (issue 10): set_config('groundwork.team_id', teamId, true) belongs here
            return work.call();
        });
    }
}
