package org.groundwork.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.groundwork.platform.EmbeddedDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/**
 * Tests run on real PostgreSQL: an embedded server in a temporary directory (the same durable,
 * supervised server the app runs, so a test can kill it), or the server named by
 * GROUNDWORK_TEST_JDBC_URL (with GROUNDWORK_TEST_USERNAME / _PASSWORD), or by the standard
 * QUARKUS_DATASOURCE_* variables. The test profile cleans and migrates it at start.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedDatabase postgres;
    /** The server's temporary directory, removed when it stops: each test profile starts one (650 MB), and they were
     * left behind, 518 of them (52 GB) on the machine the sessions ran on, until its disk was full. */
    private java.nio.file.Path directory;

    @Override
    public Map<String, String> start() {
        String url = System.getenv("GROUNDWORK_TEST_JDBC_URL");
        if (url != null && !url.isBlank()) {
            return Map.of("quarkus.datasource.jdbc.url", url,
                    "quarkus.datasource.username", env("GROUNDWORK_TEST_USERNAME", "postgres"),
                    "quarkus.datasource.password", env("GROUNDWORK_TEST_PASSWORD", "postgres"));
        }
        if (System.getenv("QUARKUS_DATASOURCE_JDBC_URL") != null) {
            return Map.of();
        }
        try {
            directory = Files.createTempDirectory("groundwork-test-pg");
            postgres = EmbeddedDatabase.start(directory.resolve("postgres"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // the app's own role, as in production: not a superuser, so row-level security applies
        postgres.prepareAppRole();
        return Map.of("quarkus.datasource.jdbc.url", postgres.appJdbcUrl(),
                "quarkus.datasource.username", EmbeddedDatabase.APP_ROLE,
                "quarkus.datasource.password", EmbeddedDatabase.APP_PASSWORD);
    }

    @Override
    public void stop() {
        if (postgres != null) {
            postgres.close();
        }
        if (directory != null) {
            removeAll(directory);
        }
    }

    /** The directory and all in it; what cannot be removed (a file still held) stays, said on the test output. */
    private static void removeAll(java.nio.file.Path root) {
        try (java.util.stream.Stream<java.nio.file.Path> all = Files.walk(root)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    System.err.println("could not remove " + p + ": " + e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("could not remove " + root + ": " + e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
