package org.groundwork.support;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.groundwork.platform.TeamScope;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Callable;
import javax.sql.DataSource;

/**
 * The tests' own look into the database, past row-level security: a test writes rows directly
 * and checks what a request left behind, for any team. Each call is one new transaction, as
 * {@code QuarkusTransaction.requiringNew()}, run in {@link TeamScope#instanceWide}.
 */
public final class AllTeams {

    private AllTeams() {
    }

    public static void run(Runnable work) {
        TeamScope.instanceWide(() -> {
            QuarkusTransaction.requiringNew().run(work);
            return null;
        });
    }

    public static <T> T call(Callable<T> work) {
        return TeamScope.instanceWide(() -> QuarkusTransaction.requiringNew().call(work));
    }

    /** A connection of its own (autocommit), set to see every team until it goes back to the pool. */
    public static Connection connection(DataSource dataSource) throws SQLException {
        Connection c = dataSource.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("select set_config('groundwork.scope', 'instance', false)");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }
}
