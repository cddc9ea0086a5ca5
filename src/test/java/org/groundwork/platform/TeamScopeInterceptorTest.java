package org.groundwork.platform;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.groundwork.support.AllTeams;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A connection whose team setting failed is not lent as if it worked for no team (its queries
 * would find nothing, a wrong 400 or 404 where the outage should answer 503): it is aborted, and
 * every statement on it fails as a lost connection (SQLState class 08, which answers 503).
 */
@QuarkusTest
class TeamScopeInterceptorTest {

    @Inject
    TeamScopeInterceptor interceptor;
    @Inject
    AgroalDataSource dataSource;

    /**
     * A request's lock waits are bounded (WaitBehindALongChangeTest has the 409), a job's are not: a background
     * import or a restore waits for what it must as its own time limit allows, and the setting a request's lending
     * left on a pooled connection does not follow it into a job's.
     */
    @Test
    void aRequestWaitsBrieflyForLocksAndAJobAsLongAsItMust() throws Exception {
        // a @QuarkusTest method runs with a request context, as a request of no one in particular
        assertEquals(TeamScope.REQUEST_LOCK_WAIT, lockWait());
        assertEquals("0", TeamScope.runAs(UUID.randomUUID(), this::lockWait));
        assertEquals("0", TeamScope.instanceWide(this::lockWait));
        assertEquals(TeamScope.REQUEST_LOCK_WAIT, lockWait());
    }

    private String lockWait() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             java.sql.ResultSet r = s.executeQuery("show lock_timeout")) {
            r.next();
            return r.getString(1);
        }
    }

    @Test
    void aConnectionWhoseTeamCannotBeSetIsAbortedNotUsedWithoutATeam() throws SQLException {
        try (Connection c = AllTeams.unpooled()) {
            c.setAutoCommit(false);
            // an aborted transaction refuses set_config, as a broken connection does
            assertThrows(SQLException.class, () -> {
                try (Statement s = c.createStatement()) {
                    s.execute("select 1 / 0");
                }
            });
            interceptor.onConnectionAcquire(c);
            SQLException refused = assertThrows(SQLException.class, () -> {
                c.rollback();
                try (Statement s = c.createStatement()) {
                    s.executeQuery("select count(*) from contact");
                }
            });
            assertEquals("08", refused.getSQLState().substring(0, 2), refused.getSQLState() + " " + refused.getMessage());
        }
    }

    /**
     * A scope whose switch of the transaction's connection fails (the pool exhausted, the database
     * gone) is not left on the thread: worker threads serve request after request, and a leftover
     * "instance" made later requests on the same thread run with the bypass and answer 404 for
     * their own team's rows (TeamScopeUnderLoadTest, isolation).
     */
    @Test
    void aScopeWhoseSwitchFailsIsNotLeftOnTheThread() {
        AtomicReference<TeamScope.Scope> inside = new AtomicReference<>();
        AtomicReference<RuntimeException> switchFailed = new AtomicReference<>();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                try (Connection c = dataSource.getConnection()) {
                    // the transaction's connection breaks, as when the database is killed
                    c.unwrap(org.postgresql.core.BaseConnection.class).abort(Runnable::run);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                switchFailed.set(assertThrows(RuntimeException.class, () -> TeamScope.instanceWide(() -> {
                    inside.set(TeamScope.current());
                    return null;
                })));
                assertThrows(RuntimeException.class, () -> TeamScope.runAs(UUID.randomUUID(), () -> null));
            });
        } catch (RuntimeException commitOnABrokenConnection) {
            // the transaction cannot end well on a connection that was aborted; that is not the point
        }
        assertEquals(null, inside.get(), "the work did not run on a connection of another scope");
        assertTrue(switchFailed.get() != null, "the switch failed");
        // the test's own request context: no team, not the instance (its lock waits are a request's)
        assertEquals(null, TeamScope.current().team(), "nothing left on this thread");
        assertEquals(false, TeamScope.current().instance(), "nothing left on this thread");
        assertEquals(java.util.Optional.empty(), TeamScope.team());
    }
}
