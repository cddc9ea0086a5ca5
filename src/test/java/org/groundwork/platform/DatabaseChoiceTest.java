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
}
