package org.groundwork.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No container engine or cluster runs here, so the deploy files are checked against the app
 * itself: everything a container, compose or Kubernetes relies on (ports, health paths,
 * environment variable names, images, the fast-jar layout) must exist in the app's
 * configuration. Renaming a health path or a port in application.properties without the deploy
 * files, or the other way round, fails here. Plain JUnit: no app is started.
 *
 * <p>YAML is read with Jackson's YAML module, already on the classpath through
 * smallrye-open-api (declaring it again in test scope would take it off the app's runtime).
 */
class DeployManifestsTest {

    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path DOCKERFILE = ROOT.resolve("src/main/docker/Dockerfile.jvm");
    static final Path COMPOSE = ROOT.resolve("deploy/compose/compose.yaml");
    static final Path COMPOSE_ENV = ROOT.resolve("deploy/compose/.env.example");
    static final Path KUBERNETES = ROOT.resolve("deploy/kubernetes");
    static final Path SYSTEMD_UNIT = ROOT.resolve("deploy/systemd/groundwork.service");
    static final Path SYSTEMD_ENV = ROOT.resolve("deploy/systemd/groundwork.env.example");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /**
     * Quarkus keys the deploy files set that application.properties does not (they have no
     * value to set there, or only a dev/test one). Each is a documented Quarkus runtime key.
     */
    static final Set<String> KNOWN_QUARKUS_KEYS = Set.of(
            "quarkus.datasource.jdbc.url",
            "quarkus.datasource.username",
            "quarkus.datasource.password",
            "quarkus.http.host",
            "quarkus.http.port",
            "quarkus.management.host",
            "quarkus.http.auth.session.encryption-key",
            "quarkus.http.proxy.proxy-address-forwarding",
            "quarkus.http.proxy.allow-x-forwarded",
            "quarkus.http.proxy.allow-forwarded",
            "quarkus.http.proxy.trusted-proxies",
            "quarkus.http.proxy.enable-forwarded-host",
            "quarkus.http.proxy.enable-forwarded-prefix");

    /** Environment variables a container uses that are not app configuration. */
    static final Set<String> NOT_CONFIG = Set.of("JAVA_OPTS", "LANG");

    static Properties properties;
    static Set<String> configKeys;
    static int appPort;
    static int managementPort;
    static String livePath;
    static String readyPath;
    static String startedPath;
    static List<JsonNode> kubernetes;

    @BeforeAll
    static void readTheApp() throws IOException {
        properties = new Properties();
        try (var in = Files.newBufferedReader(ROOT.resolve("src/main/resources/application.properties"))) {
            properties.load(in);
        }
        configKeys = new TreeSet<>(KNOWN_QUARKUS_KEYS);
        for (String key : properties.stringPropertyNames()) {
            configKeys.add(key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key);
        }
        // groundwork.* keys read in code with a default and no line in application.properties
        try (Stream<Path> sources = Files.walk(ROOT.resolve("src/main/java"))) {
            Pattern configProperty = Pattern.compile("@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"");
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = configProperty.matcher(Files.readString(source));
                while (m.find()) {
                    configKeys.add(m.group(1));
                }
            }
        }
        assertEquals("true", properties.getProperty("quarkus.management.enabled"),
                "the deploy files expect health and metrics on the management interface");
        appPort = Integer.parseInt(properties.getProperty("quarkus.http.port", "8080"));
        managementPort = Integer.parseInt(properties.getProperty("quarkus.management.port", "9000"));
        String root = properties.getProperty("quarkus.smallrye-health.root-path", "health");
        root = root.startsWith("/") ? root : "/q/" + root;
        livePath = root + "/" + properties.getProperty("quarkus.smallrye-health.liveness-path", "live");
        readyPath = root + "/" + properties.getProperty("quarkus.smallrye-health.readiness-path", "ready");
        startedPath = root + "/" + properties.getProperty("quarkus.smallrye-health.startup-path", "started");

        kubernetes = new ArrayList<>();
        try (Stream<Path> files = Files.list(KUBERNETES)) {
            for (Path file : files.filter(DeployManifestsTest::isYaml).sorted().toList()) {
                kubernetes.addAll(documents(file));
            }
        }
    }

    @Test
    void everyYamlFileParses() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT.resolve("deploy"))) {
            List<Path> yaml = files.filter(DeployManifestsTest::isYaml).toList();
            assertTrue(yaml.size() >= 8, "deploy/ holds the compose file and the manifests: " + yaml);
            for (Path file : yaml) {
                List<JsonNode> docs = documents(file);
                assertFalse(docs.isEmpty(), file + " holds no YAML document");
                for (JsonNode doc : docs) {
                    assertTrue(doc.isObject(), file + " has a document that is not a mapping");
                }
            }
        }
        for (JsonNode doc : kubernetes) {
            if (!doc.has("resources")) { // every manifest but the kustomization
                assertTrue(doc.path("apiVersion").isTextual() && doc.path("kind").isTextual()
                        && doc.path("metadata").path("name").isTextual(),
                        "a Kubernetes object needs apiVersion, kind and metadata.name: " + doc);
            }
        }
    }

    @Test
    void kustomizationListsFilesThatExistAndLeavesExampleSecretsOut() {
        JsonNode kustomization = kind("Kustomization");
        Set<String> listed = new LinkedHashSet<>();
        kustomization.path("resources").forEach(r -> listed.add(r.asText()));
        for (String file : listed) {
            assertTrue(Files.exists(KUBERNETES.resolve(file)), "kustomization lists a missing file " + file);
        }
        assertTrue(listed.stream().noneMatch(f -> f.contains("example")), "example secrets are never applied as they are");
        assertTrue(listed.containsAll(List.of("database.yaml", "deployment.yaml", "service.yaml",
                "pdb.yaml", "ingress.yaml")), "kustomization lists " + listed);
    }

    @Test
    void deploymentProbesUseTheAppsHealthPathsOnTheManagementPort() {
        JsonNode deployment = kind("Deployment");
        assertEquals(2, deployment.path("spec").path("replicas").asInt());
        JsonNode container = container(deployment);
        Map<String, Integer> ports = new HashMap<>();
        container.path("ports").forEach(p -> ports.put(p.path("name").asText(), p.path("containerPort").asInt()));
        assertTrue(ports.containsValue(appPort), "the container declares the app's port " + appPort);
        assertTrue(ports.containsValue(managementPort), "the container declares the management port " + managementPort);

        Map<String, String> expected = Map.of("livenessProbe", livePath, "readinessProbe", readyPath,
                "startupProbe", startedPath);
        expected.forEach((probe, path) -> {
            JsonNode get = container.path(probe).path("httpGet");
            assertEquals(path, get.path("path").asText(), probe + " path");
            assertEquals(managementPort, port(get.path("port"), ports), probe + " port");
        });
        assertEquals("0.0.0.0", env(container).get("QUARKUS_MANAGEMENT_HOST"),
                "the management interface listens on localhost unless told otherwise: probes could not reach it");
    }

    @Test
    void deploymentFitsA512MiBContainerAndRunsAsNonRoot() {
        JsonNode deployment = kind("Deployment");
        JsonNode container = container(deployment);
        assertEquals("512Mi", container.path("resources").path("limits").path("memory").asText());
        assertEquals("512Mi", container.path("resources").path("requests").path("memory").asText());
        assertTrue(deployment.path("spec").path("template").path("spec").path("securityContext")
                .path("runAsNonRoot").asBoolean());
    }

    @Test
    void serviceAndIngressExposeTheAppPortOnlyAndMatchTheDeployment() {
        JsonNode deployment = kind("Deployment");
        Map<String, Integer> ports = new HashMap<>();
        container(deployment).path("ports").forEach(p -> ports.put(p.path("name").asText(), p.path("containerPort").asInt()));
        JsonNode labels = deployment.path("spec").path("template").path("metadata").path("labels");

        JsonNode service = kind("Service");
        assertTrue(contains(labels, service.path("spec").path("selector")), "the Service selects the app's pods");
        assertEquals(1, service.path("spec").path("ports").size(), "the Service has one port");
        JsonNode servicePort = service.path("spec").path("ports").get(0);
        assertEquals(appPort, port(servicePort.path("targetPort"), ports), "the Service reaches the app's port");

        JsonNode pdb = kind("PodDisruptionBudget");
        assertTrue(contains(labels, pdb.path("spec").path("selector").path("matchLabels")), "the PDB selects the app's pods");
        assertTrue(pdb.path("spec").path("minAvailable").asInt() >= 1);

        JsonNode ingress = named("Ingress", "groundwork");
        assertTrue(ingress.path("spec").path("tls").size() > 0, "the Ingress example terminates TLS");
        JsonNode backend = ingress.path("spec").path("rules").get(0).path("http").path("paths").get(0)
                .path("backend").path("service");
        assertEquals(service.path("metadata").path("name").asText(), backend.path("name").asText());
        assertEquals(servicePort.path("name").asText(), backend.path("port").path("name").asText());

        // the proxy lets through the largest CSV file the app accepts (else imports get its 413)
        long maxImport = Long.parseLong(properties.getProperty("groundwork.import.max-bytes"));
        assertTrue(bytes(ingress.path("metadata").path("annotations")
                .path("nginx.ingress.kubernetes.io/proxy-body-size").asText("1m")) >= maxImport,
                "the Ingress's body size limit is below groundwork.import.max-bytes");

        // the restore's two paths take the largest archive the app does, and wait as long as its transaction
        JsonNode restore = named("Ingress", "groundwork-restore");
        JsonNode restoreAnnotations = restore.path("metadata").path("annotations");
        assertTrue(bytes(restoreAnnotations.path("nginx.ingress.kubernetes.io/proxy-body-size").asText("1m"))
                        >= Long.parseLong(properties.getProperty("groundwork.restore.max-archive-bytes")),
                "the restore's body size limit is below groundwork.restore.max-archive-bytes");
        long restoreSeconds = java.time.Duration.parse("PT" + properties.getProperty("groundwork.restore.timeout"))
                .toSeconds();
        assertTrue(restoreAnnotations.path("nginx.ingress.kubernetes.io/proxy-read-timeout").asLong() >= restoreSeconds,
                "the proxy waits for a restore as long as its transaction may run");
        List<String> restorePaths = new java.util.ArrayList<>();
        restore.path("spec").path("rules").get(0).path("http").path("paths").forEach(p -> {
            restorePaths.add(p.path("path").asText());
            assertEquals("Exact", p.path("pathType").asText(), "only the restore's own paths");
            assertEquals(backend.path("name").asText(), p.path("backend").path("service").path("name").asText());
        });
        assertEquals(List.of("/api/v1/teams/restore", "/settings/restore"), restorePaths);

        // behind the Ingress, the app trusts X-Forwarded-* (Secure cookie, HSTS, client address)
        Map<String, String> env = env(container(deployment));
        assertEquals("true", env.get("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING"));
        assertEquals("true", env.get("QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED"));
        assertNotNull(env.get("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES"), "trust the proxy's network only");
    }

    @Test
    void theAppUsesTheCloudNativePgClusterAndItsGeneratedSecret() {
        JsonNode cluster = kind("Cluster");
        String name = cluster.path("metadata").path("name").asText();
        assertEquals(3, cluster.path("spec").path("instances").asInt());
        assertEquals(postgresMajor(), major(cluster.path("spec").path("imageName").asText()),
                "the cluster runs the PostgreSQL major the app is built and tested on");
        String database = cluster.path("spec").path("bootstrap").path("initdb").path("database").asText();
        assertEquals("jdbc:postgresql://" + name + "-rw:5432/" + database,
                env(container(kind("Deployment"))).get("QUARKUS_DATASOURCE_JDBC_URL"),
                "the app connects to the cluster's primary (Service <cluster>-rw) and its database");

        Map<String, JsonNode> secretRefs = secretRefs(container(kind("Deployment")));
        assertEquals(name + "-app", secretRefs.get("QUARKUS_DATASOURCE_USERNAME").path("name").asText());
        assertEquals("username", secretRefs.get("QUARKUS_DATASOURCE_USERNAME").path("key").asText());
        assertEquals(name + "-app", secretRefs.get("QUARKUS_DATASOURCE_PASSWORD").path("name").asText());
        assertEquals("password", secretRefs.get("QUARKUS_DATASOURCE_PASSWORD").path("key").asText());

        // every other Secret the app reads is in the example file, with that key
        Map<String, Set<String>> examples = new HashMap<>();
        for (JsonNode doc : kubernetes) {
            if ("Secret".equals(doc.path("kind").asText())) {
                Set<String> keys = new TreeSet<>();
                doc.path("stringData").fieldNames().forEachRemaining(keys::add);
                examples.put(doc.path("metadata").path("name").asText(), keys);
            }
        }
        // ... and so is CloudNativePG's, for an external database (database-external.example.yaml)
        secretRefs.forEach((variable, ref) -> {
            String secret = ref.path("name").asText();
            assertTrue(examples.getOrDefault(secret, Set.of()).contains(ref.path("key").asText()),
                    variable + " reads " + secret + "/" + ref.path("key").asText() + ", in no example Secret");
        });

        // backups: WAL archiving through the plugin into an ObjectStore that exists, whose
        // credentials are in the example Secrets, and a ScheduledBackup of this cluster
        JsonNode plugin = cluster.path("spec").path("plugins").get(0);
        assertTrue(plugin.path("isWALArchiver").asBoolean());
        JsonNode store = kind("ObjectStore");
        assertEquals(store.path("metadata").path("name").asText(), plugin.path("parameters").path("barmanObjectName").asText());
        JsonNode s3 = store.path("spec").path("configuration").path("s3Credentials");
        for (String field : List.of("accessKeyId", "secretAccessKey")) {
            assertTrue(examples.getOrDefault(s3.path(field).path("name").asText(), Set.of())
                    .contains(s3.path(field).path("key").asText()), "the object store's " + field + " is an example Secret");
        }
        JsonNode scheduled = kind("ScheduledBackup");
        assertEquals(name, scheduled.path("spec").path("cluster").path("name").asText());
        assertEquals(plugin.path("name").asText(), scheduled.path("spec").path("pluginConfiguration").path("name").asText());
    }

    @Test
    void composeRunsTheAppOnPostgresWithHealthChecksAndPublishesOnlyTheAppPort() throws IOException {
        JsonNode compose = documents(COMPOSE).get(0);
        JsonNode app = compose.path("services").path("app");
        JsonNode db = compose.path("services").path("db");

        assertEquals(postgresMajor(), major(db.path("image").asText()));
        JsonNode ports = app.path("ports");
        assertEquals(1, ports.size(), "compose publishes one port");
        assertTrue(ports.get(0).asText().endsWith(":" + appPort), "compose publishes the app's port");

        String health = String.join(" ", texts(app.path("healthcheck").path("test")));
        assertTrue(health.contains("/" + managementPort + " ") || health.contains(":" + managementPort),
                "the app's health check asks the management port: " + health);
        assertTrue(health.contains("GET " + readyPath + " "), "the app's health check asks readiness: " + health);
        assertTrue(String.join(" ", texts(db.path("healthcheck").path("test"))).contains("pg_isready"));
        assertEquals("service_healthy", app.path("depends_on").path("db").path("condition").asText());

        // the app's database is the db service's database; the app's role is not the server's
        // superuser (row-level security does not apply to one) but the role the init script makes
        JsonNode env = app.path("environment");
        assertEquals("jdbc:postgresql://db:5432/" + db.path("environment").path("POSTGRES_DB").asText(),
                env.path("QUARKUS_DATASOURCE_JDBC_URL").asText());
        String appRole = env.path("QUARKUS_DATASOURCE_USERNAME").asText();
        assertNotEquals(db.path("environment").path("POSTGRES_USER").asText(), appRole);
        assertTrue(db.path("environment").path("GROUNDWORK_DB_PASSWORD").asText().startsWith("${QUARKUS_DATASOURCE_PASSWORD"));
        // the superuser's password is in a file only the db container reads
        assertEquals("db.env", db.path("env_file").asText());
        assertTrue(Files.readString(COMPOSE.resolveSibling("db.env.example")).contains("\nPOSTGRES_PASSWORD="));
        assertFalse(db.path("environment").has("POSTGRES_PASSWORD"));
        assertTrue(texts(db.path("volumes")).contains("./initdb:/docker-entrypoint-initdb.d:ro"));
        String init = Files.readString(COMPOSE.resolveSibling("initdb/10-app-role.sh"));
        assertTrue(init.contains("create role " + appRole + " login password :'app_password' nosuperuser nobypassrls"), init);
        Set<String> fromEnvFile = envFileNames(false);
        assertTrue(fromEnvFile.contains("QUARKUS_DATASOURCE_PASSWORD"));
        assertFalse(fromEnvFile.contains("POSTGRES_PASSWORD"), "the app's .env never holds the superuser's password");
        assertTrue(fromEnvFile.contains("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY"));
        assertEquals(".env", app.path("env_file").asText());

        assertEquals("512m", app.path("mem_limit").asText(), "the same 512 MiB the image's heap is sized for");

        String volume = db.path("volumes").get(0).asText();
        assertTrue(compose.path("volumes").has(volume.substring(0, volume.indexOf(':'))), "the database lives in a named volume");
        assertTrue(volume.endsWith(":/var/lib/postgresql/data"));

        JsonNode build = app.path("build");
        assertTrue(Files.exists(COMPOSE.getParent().resolve(build.path("context").asText())
                .resolve(build.path("dockerfile").asText()).normalize()), "compose builds from the Dockerfile");
    }

    @Test
    void everyEnvironmentVariableSetForTheAppIsAConfigKeyOfTheApp() throws IOException {
        Set<String> names = new TreeSet<>();
        env(container(kind("Deployment"))).keySet().forEach(names::add);
        documents(COMPOSE).get(0).path("services").path("app").path("environment").fieldNames().forEachRemaining(names::add);
        names.addAll(envFileNames(true)); // the commented suggestions too
        names.addAll(envFileNames(SYSTEMD_ENV, true));
        names.addAll(systemdEnvironment().keySet());
        names.addAll(dockerfileEnv().keySet());
        List<String> unknown = new ArrayList<>();
        for (String name : names) {
            if (!NOT_CONFIG.contains(name) && configKeys.stream().noneMatch(key -> envName(key).equals(name))) {
                unknown.add(name);
            }
        }
        assertTrue(unknown.isEmpty(), "environment variables that match no config key of the app: " + unknown);
        assertTrue(names.contains("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY"));
        assertTrue(names.contains("GROUNDWORK_DATA_DIR"), "checked against groundwork.data-dir");
    }

    @Test
    void theImageIsTheSameEverywhere() throws IOException {
        String compose = documents(COMPOSE).get(0).path("services").path("app").path("image").asText();
        String kube = container(kind("Deployment")).path("image").asText();
        Matcher tag = Pattern.compile("docker build -f src/main/docker/Dockerfile\\.jvm -t (\\S+) \\.")
                .matcher(Files.readString(DOCKERFILE));
        assertTrue(tag.find(), "the Dockerfile says how to build and tag the image");
        assertEquals(tag.group(1), compose, "compose runs the image the Dockerfile builds");
        assertEquals(tag.group(1), kube, "Kubernetes runs the image the Dockerfile builds");
        String version = Files.readString(ROOT.resolve("pom.xml"))
                .replaceFirst("(?s).*?<artifactId>groundwork</artifactId>\\s*<version>([^<]+)</version>.*", "$1");
        assertEquals(version.replace("-SNAPSHOT", ""), kube.substring(kube.lastIndexOf(':') + 1),
                "the image tag is the app's version");
    }

    @Test
    void theDockerfileCopiesTheAppsJarRunsAsNonRootAndFitsIn512MiB() throws IOException {
        String dockerfile = Files.readString(DOCKERFILE);
        // the package step builds one jar (an uber-jar, application.properties), nothing beside it
        assertTrue(Pattern.compile("(?m)^COPY\\s.*target/quarkus-app/quarkus-run\\.jar\\s+/deployments/\\s*$")
                .matcher(dockerfile).find(), "the Dockerfile copies target/quarkus-app/quarkus-run.jar");
        assertFalse(Pattern.compile("(?m)^COPY\\s.*target/quarkus-app/(lib|app|quarkus)/").matcher(dockerfile).find(),
                "no fast-jar folders to copy any more");
        assertTrue(dockerfile.contains("-jar /deployments/quarkus-run.jar"), "the image starts quarkus-run.jar");
        String properties = Files.readString(ROOT.resolve("src/main/resources/application.properties"));
        assertTrue(properties.contains("\nquarkus.package.jar.type=uber-jar\n")
                        && properties.contains("\nquarkus.package.output-directory=quarkus-app\n")
                        && properties.contains("\nquarkus.package.output-name=quarkus-run\n"),
                "the package step builds the one jar the Dockerfile copies");
        Matcher expose = Pattern.compile("(?m)^EXPOSE\\s+(.+)$").matcher(dockerfile);
        assertTrue(expose.find());
        Set<String> exposed = Set.of(expose.group(1).trim().split("\\s+"));
        assertEquals(Set.of(String.valueOf(appPort), String.valueOf(managementPort)), exposed);
        Matcher user = Pattern.compile("(?m)^USER\\s+(\\S+)").matcher(dockerfile);
        assertTrue(user.find());
        assertFalse(Set.of("root", "0").contains(user.group(1)), "the image runs as a non-root user");
        Map<String, String> env = dockerfileEnv();
        String javaOpts = env.getOrDefault("JAVA_OPTS", "");
        Matcher percentage = Pattern.compile("-XX:MaxRAMPercentage=(\\d+)").matcher(javaOpts);
        assertTrue(percentage.find() && Integer.parseInt(percentage.group(1)) <= 60 || javaOpts.matches(".*-Xmx\\d+m.*"),
                "the heap leaves room in a 512 MiB container: " + javaOpts);
        assertEquals("0.0.0.0", env.get("QUARKUS_MANAGEMENT_HOST"), "probes reach the management interface");
        assertTrue(dockerfile.contains("$JAVA_OPTS"), "the entrypoint passes JAVA_OPTS to java");

        List<String> ignore = Files.readAllLines(ROOT.resolve(".dockerignore")).stream()
                .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertTrue(ignore.contains("!target/quarkus-app/"), "the build context keeps the built jar: " + ignore);
    }

    /**
     * The JVM options of the README's run command (the start's CPU, the memory under load: docs/performance.md,
     * "Startup" and "Memory") are the ones the image, the two-instance CI run and the benchmark harness use,
     * so what is measured is what ships; and the image records its own class-data archive (one copied from
     * target/ would name the build machine's JDK and folder, and the JVM would refuse it).
     */
    @Test
    void theReadmesJvmOptionsShipEverywhereAndTheImageRecordsItsOwnArchive() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Matcher command = Pattern.compile("(?s)\\./mvnw -B -DskipTests package\\n(java .*?quarkus-run\\.jar)").matcher(readme);
        assertTrue(command.find(), "the README's run command");
        Set<String> options = new TreeSet<>();
        Matcher option = Pattern.compile("-(XX:[^\\s=]+(?:=\\S+)?|Xmx\\S+)").matcher(command.group(1));
        while (option.find()) {
            if (!option.group(1).startsWith("XX:SharedArchiveFile=")) {
                options.add("-" + option.group(1));
            }
        }
        assertTrue(options.contains("-XX:TrimNativeHeapInterval=5000"), "the README hands freed native memory back: " + options);
        assertTrue(options.contains("-XX:+UseTransparentHugePages"), "the README fills the heap with fewer page faults: " + options);
        String javaOpts = dockerfileEnv().getOrDefault("JAVA_OPTS", "");
        String twoInstances = Files.readString(ROOT.resolve(".ci/two-instances.sh"));
        String harness = Files.readString(ROOT.resolve("src/test/bench/bench.py"));
        Matcher jvm = Pattern.compile("(?s)\\nJVM = \\[(.*?)\\]").matcher(harness);
        assertTrue(jvm.find(), "the harness's JVM list");
        for (String o : options) {
            if (!o.startsWith("-Xmx")) { // the image sizes its heap from the container (MaxRAMPercentage)
                assertTrue(javaOpts.contains(o), "the image's JAVA_OPTS lack " + o + ": " + javaOpts);
            }
            assertTrue(twoInstances.contains(o), ".ci/two-instances.sh starts java without " + o);
            assertTrue(systemd("ExecStart").get(0).contains(" " + o + " "), "the systemd unit starts java without " + o);
            assertTrue(jvm.group(1).contains("\"" + o + "\""), "the harness measures without " + o);
        }
        String dockerfile = Files.readString(DOCKERFILE);
        assertTrue(javaOpts.contains("-XX:SharedArchiveFile=/deployments/app-cds.jsa"), javaOpts);
        assertTrue(Pattern.compile("(?m)^RUN .*ClassDataArchive /deployments ").matcher(dockerfile).find(),
                "the image records its archive");
        assertFalse(Pattern.compile("(?m)^COPY\\s.*app-cds\\.jsa").matcher(dockerfile).find(),
                "the build machine's archive is not copied");
        List<String> ignore = Files.readAllLines(ROOT.resolve(".dockerignore"));
        assertTrue(ignore.contains("!src/build/ClassDataArchive.java"), "the recorder is in the build context: " + ignore);
    }

    /**
     * The systemd unit (one server without Docker) runs the README's command as a user of its own, from the folder it
     * was built in (the build's class-data archive names it), with the embedded database's data in its state
     * directory; a stop goes to the app alone, which stops the embedded PostgreSQL it started (a SIGTERM to both at
     * once would cut that short), and Java's 143 on that SIGTERM is a clean stop; a configuration the app refuses at
     * its start (exit 2, DatabaseChoiceTest) is not restarted in a loop.
     */
    @Test
    void theSystemdUnitRunsTheBuiltAppAsItsOwnUserAndStopsItFirst() throws IOException {
        String user = systemd("User").get(0);
        assertFalse(Set.of("root", "0").contains(user), "the unit runs as a user of its own");
        String folder = systemd("WorkingDirectory").get(0);
        String start = systemd("ExecStart").get(0);
        assertTrue(start.startsWith("/usr/bin/java "), start);
        assertTrue(start.endsWith(" -jar " + folder + "/target/quarkus-app/quarkus-run.jar"), start);
        assertTrue(start.contains(" -XX:SharedArchiveFile=" + folder + "/target/quarkus-app/app-cds.jsa "), start);
        assertEquals(List.of("/etc/groundwork/groundwork.env"), systemd("EnvironmentFile"));
        assertEquals(List.of("groundwork"), systemd("StateDirectory"));
        assertEquals("/var/lib/groundwork", systemdEnvironment().get("GROUNDWORK_DATA_DIR"));
        assertTrue(systemd("ReadWritePaths").get(0).contains("/var/lib/groundwork"), "the data folder is writable");
        assertEquals(List.of("mixed"), systemd("KillMode"));
        assertEquals(List.of("143"), systemd("SuccessExitStatus"));
        assertEquals(List.of("2"), systemd("RestartPreventExitStatus"));
        Set<String> settings = envFileNames(SYSTEMD_ENV, false);
        assertTrue(settings.contains("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY"), "the session key is set: " + settings);
        assertTrue(envFileNames(SYSTEMD_ENV, true).contains("QUARKUS_DATASOURCE_JDBC_URL"), "a server's URL is suggested");
    }

    // --- reading the files

    /** The values of a directive of the systemd unit, in order (a line continued with a backslash joined). */
    static List<String> systemd(String directive) throws IOException {
        String joined = Files.readString(SYSTEMD_UNIT).replaceAll("\\\\\\n\\s*", " ");
        List<String> values = new ArrayList<>();
        for (String l : joined.split("\n")) {
            if (l.startsWith(directive + "=")) {
                values.add(l.substring(directive.length() + 1).trim());
            }
        }
        return values;
    }

    /** The unit's Environment= pairs. */
    static Map<String, String> systemdEnvironment() throws IOException {
        Map<String, String> env = new HashMap<>();
        for (String pair : systemd("Environment")) {
            env.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        return env;
    }

    static boolean isYaml(Path p) {
        String name = p.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    static List<JsonNode> documents(Path file) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (var parser = YAML.getFactory().createParser(file.toFile())) {
            var it = YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    docs.add(doc);
                }
            }
        }
        return docs;
    }

    static JsonNode kind(String kind) {
        List<JsonNode> found = kubernetes.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
        assertEquals(1, found.size(), "deploy/kubernetes holds one " + kind);
        return found.get(0);
    }

    static JsonNode named(String kind, String name) {
        List<JsonNode> found = kubernetes.stream().filter(d -> kind.equals(d.path("kind").asText())
                && name.equals(d.path("metadata").path("name").asText())).toList();
        assertEquals(1, found.size(), "deploy/kubernetes holds one " + kind + " " + name);
        return found.get(0);
    }

    static JsonNode container(JsonNode deployment) {
        JsonNode containers = deployment.path("spec").path("template").path("spec").path("containers");
        assertEquals(1, containers.size());
        return containers.get(0);
    }

    static Map<String, String> env(JsonNode container) {
        Map<String, String> env = new HashMap<>();
        container.path("env").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText(null)));
        return env;
    }

    static Map<String, JsonNode> secretRefs(JsonNode container) {
        Map<String, JsonNode> refs = new HashMap<>();
        container.path("env").forEach(e -> {
            JsonNode ref = e.path("valueFrom").path("secretKeyRef");
            if (!ref.isMissingNode()) {
                refs.put(e.path("name").asText(), ref);
            }
        });
        return refs;
    }

    static int port(JsonNode port, Map<String, Integer> named) {
        if (port.isInt()) {
            return port.asInt();
        }
        Integer number = named.get(port.asText());
        if (number == null) {
            fail("no container port named " + port.asText());
        }
        return number;
    }

    /** nginx's size notation: 50m is 50 MiB. */
    static long bytes(String size) {
        Matcher m = Pattern.compile("(\\d+)([kKmMgG]?)").matcher(size.trim());
        assertTrue(m.matches(), "a size: " + size);
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> n << 10;
            case "m" -> n << 20;
            case "g" -> n << 30;
            default -> n;
        };
    }

    static boolean contains(JsonNode labels, JsonNode selector) {
        if (selector.size() == 0) {
            return false;
        }
        for (var field : selector.properties()) {
            if (!field.getValue().asText().equals(labels.path(field.getKey()).asText())) {
                return false;
            }
        }
        return true;
    }

    static List<String> texts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> texts.add(n.asText()));
        } else {
            texts.add(node.asText());
        }
        return texts;
    }

    /** Variable names in .env.example; with {@code commented}, the "# NAME=value" suggestions too. */
    static Set<String> envFileNames(boolean commented) throws IOException {
        return envFileNames(COMPOSE_ENV, commented);
    }

    static Set<String> envFileNames(Path file, boolean commented) throws IOException {
        Set<String> names = new TreeSet<>();
        Pattern line = Pattern.compile(commented ? "^#?\\s*([A-Z][A-Z0-9_]*)=.*" : "^([A-Z][A-Z0-9_]*)=.*");
        for (String l : Files.readAllLines(file)) {
            Matcher m = line.matcher(l.trim());
            if (m.matches()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** ENV NAME=value pairs of the Dockerfile (one ENV may span lines with backslashes). */
    static Map<String, String> dockerfileEnv() throws IOException {
        String joined = Files.readString(DOCKERFILE).replaceAll("\\\\\\n\\s*", " ");
        Map<String, String> env = new HashMap<>();
        for (String l : joined.split("\n")) {
            if (l.startsWith("ENV ")) {
                Matcher m = Pattern.compile("([A-Z][A-Z0-9_]*)=(\"[^\"]*\"|\\S+)").matcher(l.substring(4));
                while (m.find()) {
                    env.put(m.group(1), m.group(2).replace("\"", ""));
                }
            }
        }
        return env;
    }

    /** The environment variable Quarkus reads for a config key (MicroProfile Config's rule). */
    static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** The PostgreSQL major version the app is built and tested on (the embedded binaries). */
    static String postgresMajor() {
        try {
            Matcher m = Pattern.compile("<postgres-binaries\\.version>(\\d+)\\.")
                    .matcher(Files.readString(ROOT.resolve("pom.xml")));
            assertTrue(m.find(), "pom.xml names the PostgreSQL binaries' version");
            return m.group(1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String major(String image) {
        Matcher m = Pattern.compile(":(\\d+)").matcher(image);
        assertTrue(m.find(), "the image names a PostgreSQL major version: " + image);
        return m.group(1);
    }
}
