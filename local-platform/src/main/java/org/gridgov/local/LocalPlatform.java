package org.gridgov.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.gridgov.contracts.Topic;
import org.gridgov.infra.EmbeddedKafkaServer;
import org.gridgov.infra.EmbeddedPostgresServer;
import org.gridgov.infra.FreePorts;
import org.gridgov.infra.LocalOidcIssuer;
import org.gridgov.local.demo.DemoContext;
import org.gridgov.local.demo.DemoData;
import org.gridgov.local.service.PlatformAddresses;
import org.gridgov.local.service.ServiceSpec;
import org.gridgov.local.service.Services;
import org.slf4j.LoggerFactory;

/**
 * Runs the whole platform on one machine without Docker: a real PostgreSQL and a real single-node
 * Kafka from Maven artifacts, the local OIDC issuer, and the five services as child JVMs. Stops
 * everything on Ctrl-C or SIGTERM, services first.
 */
public final class LocalPlatform {

    private static final int POSTGRES_PORT = 5432;
    private static final int KAFKA_PORT = 9092;
    private static final int ISSUER_PORT = 8090;
    private static final int TOPIC_PARTITIONS = 3;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final Path repoRoot;
    private final LaunchOptions options;
    private final LocalDirectory local;
    private final Shutdown shutdown = new Shutdown();
    private final PrintStream out = System.out;

    LocalPlatform(Path repoRoot, LaunchOptions options) {
        this.repoRoot = repoRoot;
        this.options = options;
        this.local = new LocalDirectory(repoRoot);
    }

    public static void main(String[] args) throws InterruptedException {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + LaunchOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(LaunchOptions.USAGE);
            return;
        }
        // A non-zero exit runs the shutdown hook, which stops whatever had started.
        System.exit(new LocalPlatform(RepoRoot.find(Path.of("")), options).run());
    }

    static List<String> databases() {
        return Arrays.stream(ServiceSpec.values()).flatMap(service -> service.database().stream()).toList();
    }

    private int run() throws InterruptedException {
        Instant launched = ProcessHandle.current().info().startInstant().orElseGet(Instant::now);
        String version = projectVersion();
        Optional<String> refusal = refusalToStart(version);
        if (refusal.isPresent()) {
            System.err.println(refusal.get());
            return 1;
        }
        if (options.fresh()) {
            out.println("--fresh: deleting " + local.root());
            local.wipe();
        }
        local.create();
        local.writePid();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("\nStopping GridGov…");
            shutdown.run();
            local.deletePid();
            out.println("Stopped.");
        }, "gridgov-shutdown"));

        Infrastructure infrastructure;
        try {
            infrastructure = startInfrastructure();
        } catch (RuntimeException e) {
            System.err.println("The infrastructure did not start: " + (e instanceof CompletionException ? e.getCause() : e));
            return 1;
        }
        PlatformAddresses addresses = infrastructure.addresses(new PortAllocator(FreePorts::isFree));
        out.println("Starting the services (logs in " + local.logs() + ")…");
        Services services = shutdown.register("the services", Services.start(repoRoot, version, addresses, local.logs()));
        try {
            services.awaitReady(READY_TIMEOUT, service -> out.printf("  %-17s ready after %d s%n",
                    service.module(), Duration.between(launched, Instant.now()).toSeconds()));
        } catch (Services.StartFailure e) {
            System.err.println(e.getMessage() + "Stopping everything.");
            return 1;
        }
        services.reportUnexpectedExits();
        out.print(Summary.render(addresses, infrastructure.postgres(), infrastructure.kafka(), infrastructure.issuer(),
                local.logs(), Duration.between(launched, Instant.now())));

        if (options.demo()) {
            out.println();
            DemoData.load(new DemoContext(URI.create(addresses.baseUrl(ServiceSpec.GATEWAY)),
                    infrastructure.issuer()::issue, local.root(), out));
        }
        out.println("\nPress Ctrl-C or run ./gridgov stop to stop everything.");
        // The shutdown hook stops everything and ends the JVM; until then there is nothing to do.
        new CountDownLatch(1).await();
        return 0;
    }

    /** Another launcher on this checkout, or a service that was never built, stops the start before anything runs. */
    private Optional<String> refusalToStart(String version) {
        Optional<ProcessHandle> running = local.runningLauncher();
        if (running.isPresent()) {
            return Optional.of("GridGov already runs (launcher pid " + running.get().pid() + "); stop it with ./gridgov stop");
        }
        List<Path> missing = Arrays.stream(ServiceSpec.values())
                .map(service -> service.jar(repoRoot, version)).filter(jar -> !Files.isRegularFile(jar)).toList();
        if (!missing.isEmpty()) {
            return Optional.of("Missing service jars: " + missing + "\nBuild the tree first: ./gridgov start builds "
                    + "when needed, or run: mvn -B -q -DskipTests install");
        }
        return Optional.empty();
    }

    private Infrastructure startInfrastructure() {
        out.println("Starting PostgreSQL, Kafka and the OIDC issuer…");
        // Set up logging before two threads use it at once, which SLF4J would report with warnings.
        LoggerFactory.getILoggerFactory();
        CompletableFuture<EmbeddedPostgresServer> postgres = startInBackground("PostgreSQL", () ->
                EmbeddedPostgresServer.builder().portOrNextFree(POSTGRES_PORT).dataDirectory(local.postgres())
                        .stopOnJvmExit(false).start());
        CompletableFuture<EmbeddedKafkaServer> kafka = startInBackground("Kafka", () ->
                EmbeddedKafkaServer.builder().portOrNextFree(KAFKA_PORT).dataDirectory(local.kafka()).start());
        LocalOidcIssuer issuer = shutdown.register("the OIDC issuer",
                LocalOidcIssuer.builder().portOrNextFree(ISSUER_PORT).keyDirectory(local.issuer()).start());
        databases().forEach(postgres.join()::createDatabase);
        kafka.join().createTopics(topicNames(), TOPIC_PARTITIONS);
        return new Infrastructure(postgres.join(), kafka.join(), issuer);
    }

    /**
     * Starts a server on its own thread (PostgreSQL and Kafka start side by side) and registers
     * it for shutdown right away, so that a Ctrl-C during its start still stops it.
     */
    private <T extends AutoCloseable> CompletableFuture<T> startInBackground(String name, Supplier<T> start) {
        CompletableFuture<T> started = CompletableFuture.supplyAsync(start, task -> new Thread(task, "start " + name).start());
        shutdown.register(name, () -> {
            T server = started.exceptionally(failure -> null).join();
            if (server != null) {
                server.close();
            }
        });
        return started;
    }

    private record Infrastructure(EmbeddedPostgresServer postgres, EmbeddedKafkaServer kafka, LocalOidcIssuer issuer) {

        /** Service ports are chosen now, after the infrastructure took its own. */
        PlatformAddresses addresses(PortAllocator ports) {
            Map<ServiceSpec, Integer> servicePorts = new EnumMap<>(ServiceSpec.class);
            for (ServiceSpec service : ServiceSpec.values()) {
                servicePorts.put(service, ports.allocate(service.defaultPort()));
            }
            return new PlatformAddresses(postgres.host(), postgres.port(), postgres.username(), postgres.password(),
                    kafka.bootstrapServers(), issuer.issuerUri(), issuer.jwksUri(), servicePorts);
        }
    }

    /** Every event topic and its dead-letter topic, which needs as many partitions as the topic it backs. */
    private static List<String> topicNames() {
        return Arrays.stream(Topic.values())
                .flatMap(topic -> Stream.of(topic.topicName(), topic.deadLetterTopic()))
                .toList();
    }

    private static String projectVersion() {
        try (InputStream in = LocalPlatform.class.getResourceAsStream("/gridgov-local.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the launcher's version", e);
        }
    }
}
