package org.groundwork.platform;

import io.agroal.api.AgroalPoolInterceptor;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import io.agroal.api.AgroalDataSource;
import org.jboss.logging.Logger;

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
     * killed). A connection that cannot take the setting is broken (its next statement fails and
     * the pool drops it) or inside an aborted transaction (which runs nothing); either way it
     * shows no team's rows, since the policies need the setting.
     */
    @Override
    public void onConnectionAcquire(Connection connection) {
        try {
            TeamScope.apply(connection, TeamScope.current());
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Could not set the team scope of a database connection: %s", e.getMessage());
            try {
                TeamScope.apply(connection, TeamScope.Scope.NOTHING);
            } catch (SQLException | RuntimeException ignored) {
                // broken: nothing more to do here
            }
        }
    }

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
