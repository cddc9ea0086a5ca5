package org.groundwork.platform;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * Which team the database work of this thread is for. PostgreSQL's row-level security
 * (migration V14_1) shows a connection only the rows of the team named by its
 * {@code groundwork.team_id} setting, unless {@code groundwork.scope} is {@code instance};
 * {@link TeamScopeInterceptor} sets both on every connection the pool lends, from here:
 * <ol>
 *   <li>inside {@link #runAs} or {@link #instanceWide}: what they say;</li>
 *   <li>else, in a request of an authenticated organizer: their team;</li>
 *   <li>else nothing, and every team-owned table looks empty.</li>
 * </ol>
 * The instance-wide bypass is for the work that acts before anyone is known or for no one
 * team: finding an account by email, token or session (before authentication), setup, the
 * instance admin's team creation, the check that an email is free in the whole instance,
 * sweeps at start, migrations ({@code quarkus.flyway.init-sql}). Every such place calls
 * {@link #instanceWide} by name, so {@code grep -rn instanceWide src/main} lists them all.
 */
public final class TeamScope {

    /** The security identity's attribute naming the organizer's team (set by organizer/Identities). */
    public static final String TEAM_ATTRIBUTE = "teamId";

    /**
     * What a connection is set to: one team, the whole instance, or nothing; and whether its lock
     * waits are bounded ({@link #REQUEST_LOCK_WAIT}): they are for the work of a request in its own
     * scope (an organizer's, or no one's before login), not for a job or the work that names its
     * scope (an import, a restore, a sweep), which may wait for as long as its transaction's own limit.
     */
    record Scope(UUID team, boolean instance, boolean waitsBriefly) {
        static final Scope NOTHING = new Scope(null, false, false);
        static final Scope INSTANCE = new Scope(null, true, false);
        static final Scope ANONYMOUS_REQUEST = new Scope(null, false, true);
    }

    /**
     * The longest a request waits for a row or table lock another transaction holds before it is
     * a 409 (SQLState 55P03, ProblemMapper): ordinary contention is over in milliseconds, so a
     * longer wait is a long change in progress (a large merge, an import), and a request waiting
     * for it held a pooled connection and one of the few worker threads ({@code WorkerThreads}) for
     * up to its own 60 s, stalling the whole instance. Bounded, it still holds them for these seconds
     * (docs/architecture.md), or for one while a long change of the team is known to be under way
     * ({@link LongChanges}). A change that holds an organization sets its own shorter wait
     * ({@code OrganizationService.waitBriefly}); an Idempotency-Key's claim sets none
     * ({@code IdempotencyKeys.claim}).
     */
    static final String REQUEST_LOCK_WAIT = "5s";

    private static final ThreadLocal<Scope> CHOSEN = new ThreadLocal<>();

    private TeamScope() {
    }

    /** What runs in a scope; it may throw what it throws (an export's IOException). */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run() throws E;
    }

    /** Work for one team outside its organizers' requests (a job, an export's stream). */
    public static <T, E extends Exception> T runAs(UUID team, Work<T, E> work) throws E {
        if (team == null) {
            throw new IllegalArgumentException("runAs needs a team");
        }
        return run(new Scope(team, false, false), work);
    }

    /** The narrow bypass: every team's rows. Only for the work listed in this class's comment. */
    public static <T, E extends Exception> T instanceWide(Work<T, E> work) throws E {
        return run(Scope.INSTANCE, work);
    }

    /** The team this thread works for: runAs's, else the authenticated organizer's. */
    public static Optional<UUID> team() {
        return Optional.ofNullable(current().team());
    }

    static Scope current() {
        Scope chosen = CHOSEN.get();
        return chosen != null ? chosen : ofRequest();
    }

    /**
     * The authenticated organizer's team, when this thread serves a request. The identity
     * providers look accounts up inside {@link #instanceWide}, so this is never asked while the
     * request's identity is still being established.
     */
    private static Scope ofRequest() {
        ArcContainer arc = Arc.container();
        if (arc == null || !arc.requestContext().isActive()) {
            return Scope.NOTHING;
        }
        SecurityIdentity identity = arc.instance(SecurityIdentity.class).get();
        String team = identity == null || identity.isAnonymous() ? null : identity.getAttribute(TEAM_ATTRIBUTE);
        return team == null ? Scope.ANONYMOUS_REQUEST : new Scope(UUID.fromString(team), false, true);
    }

    /**
     * Runs the work in the given scope. A transaction may already hold a connection (set when it
     * was lent, for the scope of then): that connection is switched for the work and back after,
     * and Hibernate's pending writes are flushed before it is switched back.
     * <p>
     * The thread's scope is put back whatever fails, the first switch included: these are pooled
     * worker threads, and a scope left behind would be the next request's. (It was: when the pool
     * was exhausted or the database gone, a failed switch for a token request left "instance" on
     * its thread, and later requests there ran with the bypass and found no row by id.)
     */
    private static <T, E extends Exception> T run(Scope scope, Work<T, E> work) throws E {
        Scope before = CHOSEN.get();
        CHOSEN.set(scope);
        boolean switched = false;
        Throwable failure = null;
        try {
            switched = applyToTransaction(scope);
            T result;
            try {
                result = work.run();
            } catch (Throwable failed) {
                failure = failed;
                // a refusal may still commit what it wrote (dontRollbackOn: a throttle count, an audit event)
                if (switched) {
                    try {
                        flushIfActive();
                    } catch (RuntimeException flush) {
                        failed.addSuppressed(flush);
                    }
                }
                throw failed;
            }
            if (switched) {
                flushIfActive();
            }
            return result;
        } finally {
            if (before == null) {
                CHOSEN.remove();
            } else {
                CHOSEN.set(before);
            }
            if (switched) {
                try {
                    applyToTransaction(current());
                } catch (RuntimeException back) {
                    // the work's failure (a unique violation the caller maps to a 409) aborted the
                    // transaction, which then refuses the switch back: it is rolled back anyway,
                    // and what the work threw is what the caller must see
                    if (failure == null) {
                        throw back;
                    }
                    failure.addSuppressed(back);
                }
            }
        }
    }

    /**
     * Hibernate writes at flush, often at commit: what the work changed goes out while the
     * connection is still in the work's scope.
     */
    private static void flushIfActive() {
        try {
            if (Arc.container().instance(TransactionManager.class).get().getStatus() == Status.STATUS_ACTIVE) {
                Arc.container().instance(EntityManager.class).get().flush();
            }
        } catch (SystemException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sets the scope on the current transaction's connection, if a transaction is active. */
    private static boolean applyToTransaction(Scope scope) {
        ArcContainer arc = Arc.container();
        if (arc == null) {
            return false;
        }
        try {
            TransactionManager transactions = arc.instance(TransactionManager.class).get();
            if (transactions == null || transactions.getStatus() != Status.STATUS_ACTIVE) {
                return false;
            }
            // inside a transaction the pool hands out the connection enlisted in it
            try (Connection c = arc.instance(AgroalDataSource.class).get().getConnection()) {
                switchTo(c, scope);
            }
            return true;
        } catch (SystemException | SQLException e) {
            throw new IllegalStateException("Could not set the team scope of the transaction's connection", e);
        }
    }

    /**
     * At lending: the scope and the lock wait in one statement, session-wide (one round trip; the
     * next lending overwrites all three, whoever borrowed the connection last).
     */
    static void apply(Connection c, Scope scope) throws SQLException {
        set(c, scope, true);
    }

    /**
     * Within a transaction: the scope only. The lock wait stays what the lending set, and what the
     * work set for itself since ({@code set local}), which a session-wide set here would undo.
     */
    private static void switchTo(Connection c, Scope scope) throws SQLException {
        set(c, scope, false);
    }

    private static void set(Connection c, Scope scope, boolean lockWait) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select set_config('groundwork.team_id', ?, false),"
                + " set_config('groundwork.scope', ?, false)"
                + (lockWait ? ", set_config('lock_timeout', ?, false)" : ""))) {
            ps.setString(1, scope.team() == null ? "" : scope.team().toString());
            ps.setString(2, scope.instance() ? "instance" : "");
            if (lockWait) {
                ps.setString(3, !scope.waitsBriefly() ? "0"
                        : LongChanges.underWay(scope.team()) ? LongChanges.WHILE_UNDER_WAY : REQUEST_LOCK_WAIT);
            }
            ps.execute();
        }
    }
}
