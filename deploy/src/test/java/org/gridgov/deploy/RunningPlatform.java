package org.gridgov.deploy;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The local platform exactly as {@code ./gridgov start} runs it (the launcher jar, with its demo
 * data), but in a scratch checkout under target/: its own .local/ data and logs and the next free
 * ports, so it neither disturbs nor is refused by a platform a developer already runs in the checkout.
 */
final class RunningPlatform implements AutoCloseable {

    static final List<String> SERVICES = List.of("gateway", "grid-service", "member-service", "wish-service",
            "matching-service", "committee-service", "fieldwork-service", "apps-service");
    /** What Prometheus scrapes: the services and the identity provider (the summary's "OIDC issuer" row). */
    static final List<String> SCRAPED = Stream.concat(SERVICES.stream(), Stream.of("identity")).toList();
    /** The launcher's wait for the services, passed on from {@code -Dgridgov.ready-timeout} on a busy machine. */
    private static final String READY_TIMEOUT = System.getProperty("gridgov.ready-timeout", "PT120S");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(6).plus(Duration.parse(READY_TIMEOUT));
    private static final Pattern SERVICE_ROW = Pattern.compile("^\\s+([a-z-]+)\\s+(\\d+)\\s+http://localhost:\\d+");
    private static final Pattern KAFKA_ROW = Pattern.compile("^\\s+Kafka bootstrap\\s+(\\S+)");
    private static final Pattern ISSUER_ROW = Pattern.compile("^\\s+OIDC issuer\\s+(\\S+)");

    private final Path checkout;
    private final Path log;
    private final Process launcher;
    private final Map<String, Integer> ports;
    private final String kafkaBootstrap;
    private final String issuer;

    private RunningPlatform(Path checkout, Path log, Process launcher, Map<String, Integer> ports, String kafkaBootstrap,
                            String issuer) {
        this.checkout = checkout;
        this.log = log;
        this.launcher = launcher;
        this.ports = ports;
        this.kafkaBootstrap = kafkaBootstrap;
        this.issuer = issuer;
    }

    static RunningPlatform start() throws IOException, InterruptedException {
        String version = projectVersion();
        Path checkout = scratchCheckout(version);
        Path log = checkout.resolve("launcher.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx512m", "-Dgridgov.ready-timeout=" + READY_TIMEOUT, "-jar",
                launcherJar(version).toString())
                .directory(checkout.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        // The services inherit the launcher's environment: short SLAs make the demo's waiting wishes
        // raise reminders and escalations within the test, and KPI gauges refresh often, so the
        // workflow metrics the dashboards read really appear.
        builder.environment().putAll(Map.of(
                "GRIDGOV_SLA_DEFAULTS_DISPATCH", "20s",
                "GRIDGOV_SLA_DEFAULTS_CLAIM", "20s",
                "SLA_POLL_INTERVAL", "2s",
                "KPI_METRICS_INTERVAL", "5s",
                "FIELDWORK_METRICS_INTERVAL", "5s"));
        Process launcher = builder.start();

        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (output.contains("Press Ctrl-C")) {
                RunningPlatform platform = parse(checkout, log, launcher, output);
                try {
                    platform.assertEveryServiceRuns();
                } catch (AssertionError stopped) {
                    platform.close();
                    throw stopped;
                }
                return platform;
            }
            if (!launcher.isAlive()) {
                fail("the local platform did not start (exit code " + launcher.exitValue() + "); its output:\n" + output
                        + "\nservice logs: " + checkout.resolve(".local/logs"));
            }
            Thread.sleep(1000);
        }
        launcher.destroy();
        return fail("the local platform was not up after " + START_TIMEOUT + "; see " + log);
    }

    Map<String, Integer> ports() {
        return ports;
    }

    String kafkaBootstrap() {
        return kafkaBootstrap;
    }

    String issuer() {
        return issuer;
    }

    String baseUrl(String service) {
        return "http://localhost:" + ports.get(service);
    }

    /** What the demo wrote to .local/tokens.env: persona tokens and the demo client app's credentials. */
    Map<String, String> demoVariables() throws IOException {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String line : Files.readAllLines(checkout.resolve(".local/tokens.env"), StandardCharsets.UTF_8)) {
            int equals = line.indexOf('=');
            if (!line.startsWith("#") && equals > 0) {
                variables.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return variables;
    }

    /**
     * SIGTERM, as Ctrl-C: the launcher stops the services, Kafka, PostgreSQL and the issuer. The jar
     * copies go (half a gigabyte); .local/ stays for a look at the logs.
     */
    @Override
    public void close() throws InterruptedException, IOException {
        launcher.destroy();
        if (!launcher.waitFor(90, TimeUnit.SECONDS)) {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
        for (String service : SERVICES) {
            deleteRecursively(checkout.resolve(service));
        }
    }

    /**
     * Fails when a service of this platform has stopped. The launcher picks the first free ports when
     * it starts; another platform on the machine (another checkout's tests) may take one of them before
     * the service binds it, and then what answers there, ready and scrapeable, is not this platform.
     */
    void assertEveryServiceRuns() throws IOException {
        List<String> exits = Files.readString(log, StandardCharsets.UTF_8).lines().filter(line -> line.contains(" exited with code "))
                .toList();
        if (!exits.isEmpty()) {
            fail("services of the launched platform stopped, so another process answers on their ports "
                    + ports + " (see a port already in use in their logs under " + checkout.resolve(".local/logs") + "):\n"
                    + String.join("\n", exits));
        }
    }

    private static RunningPlatform parse(Path checkout, Path log, Process launcher, String output) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        String kafka = null;
        String issuer = null;
        for (String line : output.lines().toList()) {
            Matcher service = SERVICE_ROW.matcher(line);
            if (service.find() && SERVICES.contains(service.group(1))) {
                ports.put(service.group(1), Integer.parseInt(service.group(2)));
            }
            Matcher kafkaRow = KAFKA_ROW.matcher(line);
            if (kafkaRow.find()) {
                kafka = kafkaRow.group(1);
            }
            Matcher issuerRow = ISSUER_ROW.matcher(line);
            if (issuerRow.find()) {
                issuer = issuerRow.group(1);
            }
        }
        if (ports.size() != SERVICES.size() || kafka == null || issuer == null) {
            launcher.destroy();
            fail("cannot read the services' ports, the Kafka address and the issuer from the launcher's summary:\n" + output);
        }
        ports.put("identity", URI.create(issuer).getPort());
        return new RunningPlatform(checkout, log, launcher, ports, kafka, issuer);
    }

    /**
     * What the launcher looks for in a checkout: pom.xml, local-platform/ and each service's jar under
     * <module>/target. The jars are copies, so that a rebuild in the checkout cannot change them mid-run.
     */
    private static Path scratchCheckout(String version) throws IOException {
        Path checkout = Repository.TARGET.resolve("local-platform-it");
        deleteRecursively(checkout);
        Files.createDirectories(checkout.resolve("local-platform"));
        Files.copy(Repository.ROOT.resolve("pom.xml"), checkout.resolve("pom.xml"));
        // the identity provider too: the launcher starts it before the services (tokens, the demo's people)
        List<String> modules = new ArrayList<>(SERVICES);
        modules.add("identity");
        for (String service : modules) {
            Path copy = checkout.resolve(service).resolve("target").resolve(service + "-" + version + ".jar");
            Files.createDirectories(copy.getParent());
            Files.copy(jar(service, version), copy);
        }
        return checkout;
    }

    private static Path jar(String module, String version) {
        return built(Repository.ROOT.resolve(module).resolve("target").resolve(module + "-" + version + ".jar"));
    }

    /** The runnable launcher jar sits beside the plain one (see local-platform/pom.xml). */
    private static Path launcherJar(String version) {
        return built(Repository.ROOT.resolve("local-platform/target/local-platform-" + version + "-exec.jar"));
    }

    private static Path built(Path jar) {
        if (!Files.isRegularFile(jar)) {
            fail(jar + " is missing: build the services first (mvn -B verify from the root builds them before this module)");
        }
        return jar.toAbsolutePath();
    }

    /** The version the jars carry; Failsafe passes the project's (see deploy/pom.xml). */
    private static String projectVersion() {
        String version = System.getProperty("gridgov.version");
        if (version == null) {
            fail("system property gridgov.version is not set: run this test through Maven (mvn -B verify)");
        }
        return version;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
