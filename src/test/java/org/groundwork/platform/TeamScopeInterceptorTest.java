package org.groundwork.platform;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A connection whose team setting failed is not lent as if it worked for no team (its queries
 * would find nothing, a wrong 400 or 404 where the outage should answer 503): it is aborted, and
 * every statement on it fails as a lost connection (SQLState class 08, which answers 503).
 */
@QuarkusTest
class TeamScopeInterceptorTest {

    @Inject
    TeamScopeInterceptor interceptor;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "quarkus.datasource.username")
    String username;
    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    void aConnectionWhoseTeamCannotBeSetIsAbortedNotUsedWithoutATeam() throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, username, password)) {
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
}
