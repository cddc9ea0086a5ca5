package org.groundwork.contact;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An erasure writes new row versions; the old ones, with the person's name and words, stay in
 * the tables and their indexes until a VACUUM removes them. This runs that VACUUM right after
 * the erasure commits, in the background (it cannot run inside a transaction, and scanning the
 * indexes of a large team should not hold up the answer). Erasures that arrive while one runs
 * are covered by one more run. What VACUUM cannot reach (WAL, backups) is in docs/privacy.md.
 */
@ApplicationScoped
class ErasureVacuum {

    private static final Logger LOG = Logger.getLogger(ErasureVacuum.class);
    /** Every table an erasure rewrites. */
    static final String TABLES = "contact, conversation, attendance, level_change, follow_up, tie, idempotency_key";

    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "erasure-vacuum");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean queued = new AtomicBoolean();

    @Inject
    AgroalDataSource dataSource;

    void afterErasure(@Observes(during = TransactionPhase.AFTER_SUCCESS) ContactErased erased) {
        if (queued.compareAndSet(false, true)) {
            runner.execute(this::vacuum);
        }
    }

    private void vacuum() {
        queued.set(false);
        long started = System.nanoTime();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute("vacuum (index_cleanup on) " + TABLES);
            LOG.infof("Erasure: old row versions vacuumed in %d ms", (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException e) {
            // autovacuum removes them later; the erasure itself has committed
            LOG.warnf("Erasure: the VACUUM after an erasure failed (%s); autovacuum will remove the old rows later",
                    e.getMessage());
        }
    }
}
