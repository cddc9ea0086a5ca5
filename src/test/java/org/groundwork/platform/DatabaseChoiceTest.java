package org.groundwork.platform;

import io.smallrye.config.SmallRyeConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 12, bug 12: whether the embedded server starts is read from every source Quarkus reads,
 * not from system properties and the environment alone: a Quarkus user's
 * {@code config/application.properties} with a datasource URL means no embedded server.
 */
class DatabaseChoiceTest {

    @TempDir
    Path workingDirectory;

    @BeforeEach
    void noDatasourceFromOutside() {
        assumeTrue(System.getenv("QUARKUS_DATASOURCE_JDBC_URL") == null
                && System.getProperty("quarkus.datasource.jdbc.url") == null, "this run configures a datasource itself");
    }

    @Test
    void nothingConfiguredStartsTheEmbeddedServer() {
        SmallRyeConfig config = EmbeddedDatabase.configuration(workingDirectory);
        assertFalse(EmbeddedDatabase.externalDatabase(config));
        // the packaged application.properties is read too, with its expressions
        assertEquals(System.getProperty("user.home") + "/.groundwork", EmbeddedDatabase.setting(config, "groundwork.data-dir"));
    }

    @Test
    void aUrlInConfigApplicationPropertiesMeansNoEmbeddedServer() throws Exception {
        Files.createDirectories(workingDirectory.resolve("config"));
        Files.writeString(workingDirectory.resolve("config/application.properties"), """
                quarkus.datasource.jdbc.url=jdbc:postgresql://db.example.org:5432/groundwork
                groundwork.data-dir=/srv/groundwork
                """);
        SmallRyeConfig config = EmbeddedDatabase.configuration(workingDirectory);
        assertTrue(EmbeddedDatabase.externalDatabase(config));
        assertEquals("jdbc:postgresql://db.example.org:5432/groundwork",
                EmbeddedDatabase.setting(config, "quarkus.datasource.jdbc.url"));
        assertEquals("/srv/groundwork", EmbeddedDatabase.setting(config, "groundwork.data-dir"));
    }

    @Test
    void aUrlInDotEnvCountsAndAnotherProfilesDoesNot() throws Exception {
        Files.writeString(workingDirectory.resolve(".env"), "QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://localhost/gw\n");
        assertTrue(EmbeddedDatabase.externalDatabase(EmbeddedDatabase.configuration(workingDirectory)));

        Files.delete(workingDirectory.resolve(".env"));
        Files.createDirectories(workingDirectory.resolve("config"));
        Files.writeString(workingDirectory.resolve("config/application.properties"),
                "%staging.quarkus.datasource.jdbc.url=jdbc:postgresql://staging/gw\n");
        assertFalse(EmbeddedDatabase.externalDatabase(EmbeddedDatabase.configuration(workingDirectory)),
                "a URL for another profile is not this run's");
    }

    /**
     * Session 64's walk, two configurations that cannot work: a user name with no URL (a misspelt URL variable had
     * started an empty embedded database, setup open to the first comer) and a session key Quarkus refuses at the
     * first login (the app was ready, every login a 500). The app itself (its main, in a process of its own) says
     * each in one line and does not start.
     */
    @Test
    void aUserNameWithoutAUrlOrAShortSessionKeyStopsTheStartInOneLine() throws Exception {
        String out = startAppWith(java.util.Map.of("QUARKUS_DATASOURCE_JDBC_ULR", "jdbc:postgresql://localhost:5432/gw",
                "QUARKUS_DATASOURCE_USERNAME", "groundwork", "QUARKUS_DATASOURCE_PASSWORD", "secret"));
        assertTrue(out.contains("QUARKUS_DATASOURCE_USERNAME or QUARKUS_DATASOURCE_PASSWORD is set, but no "
                + "QUARKUS_DATASOURCE_JDBC_URL (check its spelling): not starting"), out);
        assertFalse(out.contains("Embedded PostgreSQL in use") || out.contains("\tat "), out);
        assertFalse(Files.exists(workingDirectory.resolve("data/postgres")), "no embedded database made");

        out = startAppWith(java.util.Map.of("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY", "short"));
        assertTrue(out.contains("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY is shorter than 16 characters: not starting"), out);
        assertFalse(out.contains("Embedded PostgreSQL in use") || out.contains("\tat "), out);
    }

    /** The app's main in a JVM of its own, in the working directory, with that environment: what it printed, once it exited 2. */
    private String startAppWith(java.util.Map<String, String> environment) throws Exception {
        Path output = workingDirectory.resolve("app.out");
        ProcessBuilder app = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), GroundworkMain.class.getName())
                .directory(workingDirectory.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
        app.environment().keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("GROUNDWORK_"));
        app.environment().put("GROUNDWORK_DATA_DIR", workingDirectory.resolve("data").toString());
        app.environment().putAll(environment);
        Process started = app.start();
        try {
            assertTrue(started.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "the app stopped by itself");
            assertEquals(2, started.exitValue(), Files.readString(output));
        } finally {
            started.destroyForcibly();
        }
        return Files.readString(output);
    }
}
