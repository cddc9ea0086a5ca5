package org.groundwork.report;

import io.agroal.api.AgroalDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.groundwork.platform.TeamScope;
import org.groundwork.report.ReportSql.Row;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A report's statements run aside, on a second connection of the pool while the transaction's
 * connection runs the others: the time report's two main statements take about as long each, and
 * one after the other they were most of its answer's time (docs/performance.md). PostgreSQL runs
 * one statement per connection on one core; a second connection lets an idle core take the other.
 * <p>
 * Only when a thread for it is free at once: with every one busy (several reports at a time, when
 * the cores are busy anyway) the statements run after the others on the transaction's connection,
 * as before, so a burst of reports never queues here or takes more connections than {@link #threads}
 * more. There are fewer such threads than connections in the pool, so a report holding its
 * transaction's connection and waiting for a second one always gets it once a request that needs
 * only one has finished.
 * <p>
 * The second connection works for the report's team: it is lent inside {@link TeamScope#runAs},
 * so row-level security shows it that team's rows only, like the transaction's. Each statement in
 * PostgreSQL's READ COMMITTED takes its own snapshot anyway, so statements run aside see what
 * they would have seen one after the other on one connection.
 */
@ApplicationScoped
class SecondConnection {

    private final ThreadPoolExecutor threads;
    /** How many statements went aside, and how many found no free thread (for the tests). */
    private final AtomicLong aside = new AtomicLong();
    private final AtomicLong inTurn = new AtomicLong();

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SecondConnection(@ConfigProperty(name = "quarkus.datasource.jdbc.max-size", defaultValue = "20") int poolSize) {
        // one per core (more would wait for a core), and fewer than the pool's connections
        int n = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), poolSize - 1));
        threads = new ThreadPoolExecutor(n, n, 1, TimeUnit.MINUTES, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "report-second-connection");
            t.setDaemon(true);
            return t;
        });
        threads.allowCoreThreadTimeOut(true);
    }

    /** Statements started aside, or to be run in turn: their rows come from {@link #rows}. */
    static final class Statements {
        private final List<String> names;
        private final Set<String> holding;
        private final Map<String, Object> parameters;
        private final Future<List<List<Row>>> running;

        private Statements(List<String> names, Set<String> holding, Map<String, Object> parameters,
                           Future<List<List<Row>>> running) {
            this.names = names;
            this.holding = holding;
            this.parameters = parameters;
            this.running = running;
        }

        /**
         * Their rows, one list per statement: waited for when they run aside, else run now on the
         * transaction's connection. A failure aside is thrown here with its cause (a connection
         * lost: a 503, as on the transaction's connection).
         */
        List<List<Row>> rows(EntityManager em) {
            if (running == null) {
                return ReportSql.rowsOfEach(em, names, holding, parameters);
            }
            try {
                return running.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r
                        : new IllegalStateException("A report's statements run aside failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while a report's statements ran aside", e);
            }
        }
    }

    /**
     * Starts the statements (ReportSql.rowsOfEach's) on a second connection for the team, when a
     * thread is free; else they run in turn when their rows are asked for.
     */
    Statements start(UUID team, List<String> names, Set<String> holding, Map<String, Object> parameters) {
        try {
            Future<List<List<Row>>> running = threads.submit(() -> TeamScope.runAs(team, () -> {
                try (Connection c = dataSource.getConnection()) {
                    return ReportSql.rowsOfEach(c, names, holding, parameters);
                }
            }));
            aside.incrementAndGet();
            return new Statements(names, holding, parameters, running);
        } catch (RejectedExecutionException busy) {
            inTurn.incrementAndGet();
            return inTurn(names, holding, parameters);
        }
    }

    /**
     * Statements that run in turn on the transaction's connection when their rows are asked for: a report
     * whose statements are too quick to be worth a second connection's lending reads them the same way.
     */
    static Statements inTurn(List<String> names, Set<String> holding, Map<String, Object> parameters) {
        return new Statements(names, holding, parameters, null);
    }

    long asideSoFar() {
        return aside.get();
    }

    long inTurnSoFar() {
        return inTurn.get();
    }

    /**
     * Keeps every thread busy until the latch opens: the tests' way to see statements run in turn.
     * A thread just back from a task may refuse for a moment; it is asked again.
     */
    void occupyUntil(CountDownLatch open) throws InterruptedException {
        for (int busy = 0; busy < threads.getMaximumPoolSize(); ) {
            try {
                threads.execute(() -> {
                    try {
                        open.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                busy++;
            } catch (RejectedExecutionException notYet) {
                Thread.sleep(5);
            }
        }
    }

    @PreDestroy
    void stop() {
        threads.shutdownNow();
    }
}
