package org.groundwork.platform;

import io.quarkus.arc.Arc;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The teams with a long change under way, as this instance knows it: an import or a merge it runs for the team,
 * or rows a request of the team waited {@link TeamScope#REQUEST_LOCK_WAIT} for in vain in the last
 * {@link #REMEMBERED_NANOS} (the change may run on another instance). While one is, the team's requests wait
 * {@link #WHILE_UNDER_WAY} for a row another transaction holds, not the usual seconds.
 * <p>
 * Why: a waiting request holds one of the few worker threads ({@code WorkerThreads}, eight on two cores) for all
 * of its wait, so thirty edits of people an import held took them all in waves of five seconds, and every other
 * request of the instance, other teams' included, queued behind them (a walk: another team's list took 9 s, the
 * organizer's own 18.8 s). Ordinary contention is over in milliseconds, so a short wait still lets a write through
 * a neighbour's commit; what it no longer does is hold a thread for a change that will not end soon.
 */
public final class LongChanges {

    /** A team's requests' wait for each lock while a long change of the team is under way. */
    static final String WHILE_UNDER_WAY = "1s";

    /** How long a request's lock wait in vain is remembered; each new one starts it again. */
    static final long REMEMBERED_NANOS = 10_000_000_000L;

    private static final ConcurrentHashMap<UUID, Integer> RUNNING = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<UUID, Long> WAITED_IN_VAIN = new ConcurrentHashMap<>();

    private LongChanges() {
    }

    /** A long change of the team, until closed: an import's job, a merge. */
    public static Underway begin(UUID team) {
        RUNNING.merge(team, 1, Integer::sum); // atomic with a close's removal of the team's last one
        return new Underway(team);
    }

    /**
     * A long change of the team in the current transaction (a merge), until the transaction ends: its rows are
     * held until the commit, after the method that changed them has returned.
     */
    public static void untilTheTransactionEnds(UUID team) {
        Underway underway = begin(team);
        try {
            Arc.container().instance(TransactionSynchronizationRegistry.class).get()
                    .registerInterposedSynchronization(new Synchronization() {
                        @Override
                        public void beforeCompletion() {
                        }

                        @Override
                        public void afterCompletion(int status) {
                            underway.close();
                        }
                    });
        } catch (RuntimeException e) {
            underway.close(); // no transaction to end it: not a long change worth remembering
            throw e;
        }
    }

    /** Closes once, whatever calls it again. */
    public static final class Underway implements AutoCloseable {
        private final UUID team;
        private boolean closed;

        private Underway(UUID team) {
            this.team = team;
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                RUNNING.computeIfPresent(team, (t, n) -> n <= 1 ? null : n - 1);
            }
        }
    }

    /** A request of the team waited for a lock until its wait ran out (ProblemMapper). */
    static void waitedInVain(UUID team) {
        if (team != null) {
            WAITED_IN_VAIN.put(team, System.nanoTime());
        }
    }

    /** Whether the team's requests wait briefly now. */
    static boolean underWay(UUID team) {
        if (team == null) {
            return false;
        }
        if (RUNNING.containsKey(team)) {
            return true;
        }
        Long at = WAITED_IN_VAIN.get(team);
        if (at == null) {
            return false;
        }
        if (System.nanoTime() - at < REMEMBERED_NANOS) {
            return true;
        }
        WAITED_IN_VAIN.remove(team, at); // forgotten: the map keeps only teams with a recent wait
        return false;
    }
}
