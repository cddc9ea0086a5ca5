import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.instrument.Instrumentation;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Records the class-data archive (AppCDS) that the README's run command maps:
 * {@code java -XX:SharedArchiveFile=target/quarkus-app/app-cds.jsa -jar target/quarkus-app/quarkus-run.jar}.
 *
 * <p>Quarkus's own archive ({@code quarkus.package.jar.appcds.enabled}) stops its training start at the
 * end of static initialisation: it held 5,400 of the ~14,500 classes a start loads, and it named the
 * jar relative to target/quarkus-app, so the JVM refused it from anywhere else. This one is recorded
 * from a whole start (the embedded PostgreSQL of a throwaway data directory, Flyway, Hibernate, the
 * HTTP servers, up to ready) and a few first requests, with the jar named by its absolute path: the
 * JVM then accepts it from any working directory, as long as target/quarkus-app stays where it was
 * built (a moved or rebuilt folder is refused with one warning line, and the app starts as usual).
 * The app is one jar (a Quarkus uber-jar, application.properties), so its classes load through the
 * JVM's own class loader and a start maps them from the archive without reading the jar.
 *
 * <p>Run by the package phase (pom.xml, skipped with -Dgroundwork.cds.skip=true):
 * {@code java src/build/ClassDataArchive.java target/quarkus-app}. Needs only the JDK. The container
 * image records its own archive the same way, compiled and run on the image's JRE
 * (src/main/docker/Dockerfile.jvm): {@code java -cp DIR ClassDataArchive /deployments /tmp/cds-training},
 * the second argument a writable scratch folder for the training start's database (default: beside
 * the app's folder).
 *
 * <p>JDK 17 leaves out of such an archive every class the training start loaded but never linked
 * (2,744 of them, 825 of Hibernate's among them: the boot loads them but never runs their code), so
 * each start loaded those from the jars again. Before the training start exits, this
 * recorder attaches {@link LinkLoadedClasses} to it, which links every class loaded so far without
 * initialising any (no static initialiser runs, so the app's state is untouched); the archive then
 * holds them too (docs/performance.md, "Startup"). Where the JDK cannot attach (a runtime without the
 * jdk.attach module), it says so and records the archive as before.
 */
public class ClassDataArchive {

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        Path app = Path.of(args[0]).toAbsolutePath().normalize();
        Path jar = app.resolve("quarkus-run.jar");
        Path archive = app.resolve("app-cds.jsa");
        Path training = args.length > 1 ? Path.of(args[1]).toAbsolutePath().normalize() : app.resolveSibling("cds-training");
        Files.deleteIfExists(archive);
        deleteTree(training);
        Files.createDirectories(training);
        Path log = training.resolveSibling("cds-training.log");

        int port = freePort(), management = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java,
                "-XX:ArchiveClassesAtExit=" + archive,
                // the README's options (C1 only, the serial collector): the training start is as fast
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
                // the embedded database, whatever a .env or config/application.properties here says
                "-Dquarkus.datasource.jdbc.url=",
                "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("QUARKUS_DATASOURCE_"));
        builder.environment().put("GROUNDWORK_DATA_DIR", training.toString());
        builder.environment().put("GROUNDWORK_DEMO", "false");
        builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
        builder.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(management));
        Process process = builder.start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String base = "http://127.0.0.1:" + port;
            waitUntilReady(process, http, "http://127.0.0.1:" + management + "/q/health/ready", log);
            // the first requests a deployment sees: a page, the API with and without a token, health and metrics
            get(http, base + "/login", null);
            get(http, base + "/api/v1/me", null);
            String setup = send(http, HttpRequest.newBuilder(URI.create(base + "/api/v1/setup"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"teamName\":\"Training\",\"email\":\"training@example.org\","
                            + "\"displayName\":\"Training\",\"password\":\"training-only-1\"}")));
            String token = setup.replaceAll("(?s).*\"token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
            get(http, base + "/api/v1/me", token);
            get(http, base + "/api/v1/contacts", token);
            get(http, base + "/api/v1/followups/queue", token);
            get(http, "http://127.0.0.1:" + management + "/q/metrics", null);
            linkLoadedClasses(process, training.resolveSibling("cds-link-agent.jar"));
        } finally {
            // SIGTERM: Quarkus stops, then the JVM writes the archive as it exits
            process.destroy();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
            }
        }
        if (!Files.exists(archive)) {
            throw new IllegalStateException("no class-data archive was written; see " + log);
        }
        deleteTree(training);
        System.out.printf("[ClassDataArchive] %s: %,d KiB, recorded in %.1f s (log: %s)%n", archive,
                Files.size(archive) / 1024, (System.nanoTime() - t0) / 1e9, log);
    }

    /**
     * Loads {@link LinkLoadedClasses} into the training start through the JDK's attach mechanism. Any
     * failure is only reported: the archive is then recorded without those classes, as before.
     */
    static void linkLoadedClasses(Process process, Path agentJar) {
        try {
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            manifest.getMainAttributes().put(new Attributes.Name("Agent-Class"), LinkLoadedClasses.class.getName());
            String entry = LinkLoadedClasses.class.getName().replace('.', '/') + ".class";
            try (OutputStream file = Files.newOutputStream(agentJar);
                 JarOutputStream jar = new JarOutputStream(file, manifest);
                 InputStream bytes = ClassDataArchive.class.getClassLoader().getResourceAsStream(entry)) {
                if (bytes == null) {
                    throw new IllegalStateException("no class file " + entry);
                }
                jar.putNextEntry(new JarEntry(entry));
                bytes.transferTo(jar);
                jar.closeEntry();
            }
            // by reflection: this file also runs on a JRE that may lack the jdk.attach module
            Class<?> vm = Class.forName("com.sun.tools.attach.VirtualMachine");
            Object attached = vm.getMethod("attach", String.class).invoke(null, Long.toString(process.pid()));
            try {
                vm.getMethod("loadAgent", String.class).invoke(attached, agentJar.toString());
            } finally {
                vm.getMethod("detach").invoke(attached);
            }
        } catch (Exception | LinkageError e) {
            System.out.println("[ClassDataArchive] could not link the loaded classes before recording (" + e
                    + "): the archive leaves out the classes the training start loaded but never linked");
        } finally {
            try {
                Files.deleteIfExists(agentJar);
            } catch (IOException ignored) {
                // a leftover jar in the build folder harms nothing
            }
        }
    }

    /**
     * Runs inside the training start (an agent loaded through the attach mechanism): links every class
     * loaded so far, which the JVM needs before it archives a class. {@code getDeclaredMethods} links
     * a class without initialising it. One pass only: the classes it loads on the way (the methods'
     * parameter types) were not needed by the start, and are left out.
     */
    public static class LinkLoadedClasses {
        public static void agentmain(String arguments, Instrumentation instrumentation) {
            int linked = 0, refused = 0;
            for (Class<?> type : instrumentation.getAllLoadedClasses()) {
                if (type.isArray() || type.isPrimitive() || type.isHidden()) {
                    continue;
                }
                try {
                    type.getDeclaredMethods();
                    linked++;
                } catch (Throwable e) {
                    refused++; // a class whose dependencies are absent: it stays out of the archive
                }
            }
            System.out.printf("[ClassDataArchive] linked %,d loaded classes for the archive (%,d could not be linked)%n",
                    linked, refused);
        }
    }

    static void waitUntilReady(Process process, HttpClient http, String ready, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the training start stopped (exit " + process.exitValue() + "); see " + log);
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(ready)).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the training start was not ready in 10 minutes; see " + log);
    }

    static void get(HttpClient http, String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        send(http, request.GET());
    }

    /** Any answer will do (a 401 trains the problem mapper as well as a 200 trains the list). */
    static String send(HttpClient http, HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
