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

import org.gridgov.infra.IdentityProvider;
import org.gridgov.contracts.Topic;
import org.gridgov.infra.EmbeddedKafkaServer;
import org.gridgov.infra.EmbeddedPostgresServer;
import org.gridgov.infra.FreePorts;
import org.gridgov.local.demo.DemoContext;
import org.gridgov.local.demo.DemoData;
import org.gridgov.local.service.PlatformAddresses;
import org.gridgov.local.service.ServiceSpec;
import org.gridgov.local.service.Services;
import org.slf4j.LoggerFactory;

/**
 * Runs the whole platform on one machine without Docker: a real PostgreSQL and a real single-node
 * Kafka from Maven artifacts, the identity provider and the services as child JVMs. Stops
 * everything on Ctrl-C or SIGTERM, services first.
 */
public final class LocalPlatform {

    private static final int POSTGRES_PORT = 5432;
    private static final int KAFKA_PORT = 9092;
    private static final int ISSUER_PORT = 8090;
    /** How long the services may take to start; {@code -Dgridgov.ready-timeout=PT10M} on a busy shared machine. */
    private static final Duration READY_TIMEOUT = Duration.parse(System.getProperty("gridgov.ready-timeout", "PT300S"));

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

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("bench")) {
            org.gridgov.local.bench.Bench.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        LaunchOptions options = CommandLine.parseOrExit(args, LaunchOptions::parse, LaunchOptions.USAGE);
        if (options.help()) {
            System.out.println(LaunchOptions.USAGE);
            return;
        }
        // A non-zero exit runs the shutdown hook, which stops whatever had started.
        System.exit(new LocalPlatform(RepoRoot.find(Path.of("")), options).run());
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
        PlatformAddresses addresses = infrastructure.addresses(new PortAllocator(FreePorts::isFree), defaultPorts());
        IdentityProvider identity;
        try {
            identity = infrastructure.startIdentity(Identity.jar(repoRoot, version), addresses, local.logs(), shutdown,
                    READY_TIMEOUT);
        } catch (RuntimeException e) {
            System.err.println("The identity provider did not start: " + e.getMessage());
            return 1;
        }
        out.printf("  %-17s ready after %d s%n", Identity.MODULE, Duration.between(launched, Instant.now()).toSeconds());
        out.println("Starting the services (logs in " + local.logs() + ")…");
        Services services = shutdown.register("the services", Services.start(repoRoot, version, addresses, local.logs(),
                Identity.serviceEnvironment()));
        try {
            services.awaitReady(READY_TIMEOUT, service -> out.printf("  %-17s ready after %d s%n",
                    service.module(), Duration.between(launched, Instant.now()).toSeconds()));
        } catch (Services.StartFailure e) {
            System.err.println(e.getMessage() + "Stopping everything.");
            return 1;
        }
        services.reportUnexpectedExits();
        out.print(Summary.render(addresses, infrastructure.postgres(), infrastructure.kafka(), identity,
                local.logs(), Duration.between(launched, Instant.now())));

        if (options.demo()) {
            out.println();
            DemoData.load(new DemoContext(URI.create(addresses.baseUrl(ServiceSpec.GATEWAY)),
                    identity::issue, identity::putUser, local.root(), out));
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
        List<Path> missing = Stream.concat(Arrays.stream(ServiceSpec.values()).map(service -> service.jar(repoRoot, version)),
                Stream.of(Identity.jar(repoRoot, version))).filter(jar -> !Files.isRegularFile(jar)).toList();
        if (!missing.isEmpty()) {
            return Optional.of("Missing service jars: " + missing + "\nBuild the tree first: ./gridgov start builds "
                    + "when needed, or run: mvn -B -q -DskipTests install");
        }
        return Optional.empty();
    }

    private Infrastructure startInfrastructure() {
        out.println("Starting PostgreSQL and Kafka…");
        return Infrastructure.start(new Infrastructure.Plan(local.postgres(), local.kafka(), local.issuer(), POSTGRES_PORT,
                KAFKA_PORT, ISSUER_PORT, false), shutdown);
    }

    /** Each service's well-known port, or the next free one. */
    private static Map<ServiceSpec, Integer> defaultPorts() {
        Map<ServiceSpec, Integer> ports = new EnumMap<>(ServiceSpec.class);
        Arrays.stream(ServiceSpec.values()).forEach(service -> ports.put(service, service.defaultPort()));
        return ports;
    }

    /** The version of this build, which the service jars built beside it carry. */
    public static String projectVersion() {
        try (InputStream in = LocalPlatform.class.getResourceAsStream("/gridgov-local.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the launcher's version", e);
        }
    }
}
