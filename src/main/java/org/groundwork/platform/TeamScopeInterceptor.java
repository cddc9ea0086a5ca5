package org.groundwork.platform;

import io.agroal.api.AgroalPoolInterceptor;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import io.agroal.api.AgroalDataSource;
import org.jboss.logging.Logger;
import org.postgresql.core.BaseConnection;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The one place that tells PostgreSQL which team a connection works for: every connection the
 * pool lends gets {@code groundwork.team_id} and {@code groundwork.scope} from {@link TeamScope}
 * (Quarkus applies every AgroalPoolInterceptor bean to the default datasource). Set when lent
 * rather than when a transaction starts, so reads outside a transaction, native SQL on a
 * connection of its own, COPY and streamed exports are covered too. Nothing is reset on
 * return: the next lending overwrites both settings, whoever borrowed the connection last.
 */
@ApplicationScoped
public class TeamScopeInterceptor implements AgroalPoolInterceptor {

    private static final Logger LOG = Logger.getLogger(TeamScopeInterceptor.class);

    @Inject
    AgroalDataSource dataSource;

    /**
     * Never throws: the pool has already enlisted the connection in the caller's transaction when
     * it calls this, and an exception here puts the connection back in the pool while that
     * transaction still holds it (two requests on one connection, seen when the database was
     * killed). But a connection whose setting failed must not serve the borrower as if it worked
     * for no team: its queries would succeed and find nothing ("no contact with that id in your
     * team", a 400, where the outage should answer 503). So it is aborted: the physical
     * connection under the pool's wrapper is closed, every statement the borrower sends fails
     * with SQLState 08003, which answers 503 (ProblemMapper), and PostgreSQL's exception sorter
     * makes the pool drop the connection when it comes back.
     */
    @Override
    public void onConnectionAcquire(Connection connection) {
        try {
            TeamScope.apply(connection, TeamScope.current());
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Could not set the team scope of a database connection, so it is aborted: %s", e.getMessage());
            abort(connection);
        }
    }

    /** Closes the physical connection at once (no message to a server that may be gone). */
    static void abort(Connection connection) {
        try {
            connection.unwrap(BaseConnection.class).abort(Runnable::run);
        } catch (SQLException e) {
            if (CLOSED.equals(e.getSQLState())) {
                // the driver closed it when the server went (an outage): what abort is for is done
                LOG.debugf("A database connection without its team scope was already closed: %s", e.getMessage());
            } else {
                LOG.errorf("Could not abort a database connection without its team scope: %s", e.getMessage());
            }
        } catch (RuntimeException e) {
            LOG.errorf("Could not abort a database connection without its team scope: %s", e.getMessage());
        }
    }

    /** SQLState 08003, "connection does not exist": pgJDBC's answer on a closed connection. */
    private static final String CLOSED = "08003";

    /** Row-level security protects nothing for a superuser or a BYPASSRLS role: say so at start. */
    void warnIfExempt(@Observes StartupEvent start) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select current_user, rolsuper, rolbypassrls from pg_roles where rolname = current_user")) {
            if (r.next() && (r.getBoolean(2) || r.getBoolean(3))) {
                LOG.warnf("The database role %s is a %s: PostgreSQL's row-level security does not apply to it, so only"
                        + " the application keeps teams apart. Connect as a role without SUPERUSER and BYPASSRLS"
                        + " (docs/operations.md).", r.getString(1), r.getBoolean(2) ? "superuser" : "BYPASSRLS role");
            }
        } catch (SQLException e) {
            LOG.warn("Could not check the database role for row-level security", e);
        }
    }
}
