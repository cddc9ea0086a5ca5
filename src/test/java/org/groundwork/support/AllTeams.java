package org.groundwork.support;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.groundwork.platform.TeamScope;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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

    /**
     * The rows a query finds in any team, each as its columns joined by {@code " | "}; {@code ?1},
     * {@code ?2}… in the query are the given uuids, in that order.
     */
    public static List<String> rows(DataSource dataSource, String query, String... ids) {
        try (Connection c = connection(dataSource);
             PreparedStatement ps = c.prepareStatement(query.replaceAll("\\?\\d+", "?"))) {
            for (int i = 0; i < ids.length; i++) {
                ps.setObject(i + 1, UUID.fromString(ids[i]));
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet r = ps.executeQuery()) {
                int n = r.getMetaData().getColumnCount();
                while (r.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= n; i++) {
                        row.append(i > 1 ? " | " : "").append(r.getString(i));
                    }
                    rows.add(row.toString());
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A connection outside the pool, as the app's user: a backend of its own, with none of the plans or settings a
     * pooled one keeps (and no team set: it sees nothing until the test sets one).
     */
    public static Connection unpooled() throws SQLException {
        var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        return java.sql.DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(null));
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
