package org.groundwork.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedded server keeps its data directory: what was written is there after a restart. */
class EmbeddedDatabaseTest {

    @TempDir
    Path dataDir;

    @Test
    void dataSurvivesARestart() throws Exception {
        EmbeddedPostgres first = EmbeddedDatabase.start(dataDir);
        try (Connection c = first.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create table kept (word text)");
            s.execute("insert into kept values ('solidarity')");
        } finally {
            EmbeddedDatabase.close(first);
        }
        assertTrue(dataDir.resolve("PG_VERSION").toFile().exists(), "data lives in the given directory");

        EmbeddedPostgres second = EmbeddedDatabase.start(dataDir);
        try (Connection c = second.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select word from kept")) {
            assertTrue(rs.next());
            assertEquals("solidarity", rs.getString(1));
        } finally {
            EmbeddedDatabase.close(second);
        }
    }
}
