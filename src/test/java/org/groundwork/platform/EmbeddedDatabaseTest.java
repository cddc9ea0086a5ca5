package org.groundwork.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded server keeps its data directory, runs durably, writes its own log file and
 * comes back by itself after its postmaster is killed.
 */
class EmbeddedDatabaseTest {

    @TempDir
    Path home;

    @Test
    void dataSurvivesARestart() throws Exception {
        Path dataDir = home.resolve("postgres");
        try (EmbeddedDatabase first = EmbeddedDatabase.start(dataDir);
             Connection c = first.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("create table kept (word text)");
            s.execute("insert into kept values ('solidarity')");
        }
        assertTrue(dataDir.resolve("PG_VERSION").toFile().exists(), "data lives in the given directory");

        try (EmbeddedDatabase second = EmbeddedDatabase.start(dataDir);
             Connection c = second.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select word from kept")) {
            assertTrue(rs.next());
            assertEquals("solidarity", rs.getString(1));
        }
    }

    @Test
    void runsDurablyAndLogsToItsOwnFile() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(home.resolve("postgres"))) {
            assertDurable(database);
            String log = Files.readString(database.logFile());
            assertEquals(home.resolve("postgres.log"), database.logFile());
            assertTrue(log.contains("initdb") || log.contains("database system"), "initdb and server output in the file:\n" + log);
        }
    }

    @Test
    void comesBackOnTheSameDataAndPortAfterKill9() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(home.resolve("postgres"))) {
            try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("create table kept (word text)");
                s.execute("insert into kept values ('solidarity')");
            }
            long killed = database.postmasterPid();
            int port = database.port();
            assertTrue(ProcessHandle.of(killed).orElseThrow().destroyForcibly(), "SIGKILL sent");

            long began = System.nanoTime();
            String word = null;
            while (word == null && System.nanoTime() - began < Duration.ofSeconds(15).toNanos()) {
                try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("select word from kept")) {
                    rs.next();
                    word = rs.getString(1);
                } catch (SQLException notYet) {
                    Thread.sleep(50);
                }
            }
            System.out.printf("embedded PostgreSQL answered again %.1f s after kill -9%n",
                    (System.nanoTime() - began) / 1e9);
            assertEquals("solidarity", word, "the committed row is there after the restart");
            while (database.restarts() == 0 && System.nanoTime() - began < Duration.ofSeconds(15).toNanos()) {
                Thread.sleep(20); // the supervisor notes the new postmaster once pg_ctl has returned
            }
            assertNotEquals(killed, database.postmasterPid(), "a new postmaster");
            assertEquals(port, database.port());
            assertEquals(1, database.restarts());
            // the restarted server is as durable as the first
            assertDurable(database);
        }
    }

    @Test
    void aServerLeftRunningByAKilledAppIsStoppedAtTheNextStart() throws Exception {
        Path dataDir = home.resolve("postgres");
        Path output = home.resolve("killed-app.out");
        Process app = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), KilledApp.class.getName(), dataDir.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        long began = System.nanoTime();
        while (!(Files.exists(output) && Files.readString(output).contains("started"))) {
            assertTrue(app.isAlive() && System.nanoTime() - began < Duration.ofSeconds(90).toNanos(),
                    "the other app started its server: " + (Files.exists(output) ? Files.readString(output) : ""));
            Thread.sleep(100);
        }
        long orphan = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        app.destroyForcibly().waitFor(); // kill -9 of the app: no shutdown hook stops its server
        assertTrue(EmbeddedDatabase.alive(orphan), "its server outlived it");

        try (EmbeddedDatabase next = EmbeddedDatabase.start(dataDir);
             Connection c = next.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select 1")) {
            assertTrue(rs.next());
            assertTrue(!EmbeddedDatabase.alive(orphan), "the server left running was stopped");
            assertNotEquals(orphan, next.postmasterPid());
        }
    }

    @Test
    void foldsEveryLetterWhateverTheLocaleItFirstStartsIn() throws Exception {
        // a bare LANG=C, as on a minimal server: initdb would take C, whose lower() folds only A-Z
        ProcessBuilder child = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), CaseProbe.class.getName(), home.resolve("postgres").toString())
                .redirectErrorStream(true).redirectOutput(home.resolve("probe.out").toFile());
        child.environment().put("LANG", "C");
        child.environment().put("LC_ALL", "C");
        child.environment().remove("LC_CTYPE");
        Process probe = child.start();
        try {
            assertTrue(probe.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "the probe finished");
        } finally {
            probe.destroyForcibly();
        }
        String out = Files.readString(home.resolve("probe.out"));
        assertTrue(out.contains("folds every letter: true"), out);
        assertTrue(out.contains("provider b C.UTF-8"), out);
    }

    /** Starts a server in a fresh directory and says how it folds letters. */
    public static final class CaseProbe {
        public static void main(String[] args) throws Exception {
            try (EmbeddedDatabase database = EmbeddedDatabase.start(Path.of(args[0]));
                 Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select lower('ÉΣİ') = 'éσi', datlocprovider, datlocale"
                         + " from pg_database where datname = current_database()")) {
                rs.next();
                System.out.println("folds every letter: " + rs.getBoolean(1)); // ASCII: the child's output is C too
                System.out.println("provider " + rs.getString(2) + " " + rs.getString(3));
            }
        }
    }

    /** An app that starts its server, then waits to be killed. */
    public static final class KilledApp {
        public static void main(String[] args) throws Exception {
            EmbeddedDatabase.start(Path.of(args[0]));
            System.out.println("started");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    private static void assertDurable(EmbeddedDatabase database) throws SQLException {
        String[] commandLine = ProcessHandle.of(database.postmasterPid()).orElseThrow().info().arguments().orElseThrow();
        assertTrue(!List.of(commandLine).contains("-F"), "no -F (fsync off) on the command line: " + List.of(commandLine));
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String setting : new String[] {"fsync", "synchronous_commit", "full_page_writes"}) {
                try (ResultSet rs = s.executeQuery("show " + setting)) {
                    rs.next();
                    assertEquals("on", rs.getString(1), setting);
                }
            }
        }
    }
}
