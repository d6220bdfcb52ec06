package org.gridgov.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.gridgov.infra.IdentityProvider;
import org.gridgov.contracts.Topic;
import org.gridgov.infra.EmbeddedKafkaServer;
import org.gridgov.infra.EmbeddedPostgresServer;
import org.gridgov.infra.FreePorts;
import org.gridgov.local.service.PlatformAddresses;
import org.gridgov.local.service.ServiceSpec;
import org.slf4j.LoggerFactory;

/**
 * What the services need before they start: a real PostgreSQL with one database per service (and
 * the identity provider's), a real single-node Kafka with every event topic and its dead-letter
 * topic, and — once the services' ports are chosen — the identity provider ({@link #startIdentity}).
 * The launcher keeps it in {@code .local/} on the well-known ports; the system tests start it on
 * free ports in a scratch directory.
 *
 * @param identityPort the port the identity provider will listen on, chosen now: its issuer URI is
 *                     in every service's environment
 */
public record Infrastructure(EmbeddedPostgresServer postgres, EmbeddedKafkaServer kafka, int identityPort,
        Path identityKeys) {

    private static final int TOPIC_PARTITIONS = 3;

    /**
     * Where the three servers keep their data (the identity provider its signing key) and which port each prefers (the next free one above
     * it is taken when it is busy; 0: any free port).
     *
     * @param stopPostgresOnJvmExit whether PostgreSQL's own JVM shutdown hook stops it; the launcher
     *                              stops it itself, after the services
     */
    public record Plan(Path postgresData, Path kafkaData, Path issuerKeys, int postgresPort, int kafkaPort,
            int issuerPort, boolean stopPostgresOnJvmExit) {
    }

    /**
     * Starts PostgreSQL and Kafka side by side and chooses the identity provider's port, then creates the databases
     * and topics. Each server is registered with {@code shutdown} as soon as its start begins, so
     * that a Ctrl-C or a failure during the start still stops it.
     */
    public static Infrastructure start(Plan plan, Shutdown shutdown) {
        // Set up logging before two threads use it at once, which SLF4J would report with warnings.
        LoggerFactory.getILoggerFactory();
        CompletableFuture<EmbeddedPostgresServer> postgres = startInBackground("PostgreSQL", shutdown, () ->
                EmbeddedPostgresServer.builder().portOrNextFree(plan.postgresPort()).dataDirectory(plan.postgresData())
                        .statementStatistics(true)
                        .stopOnJvmExit(plan.stopPostgresOnJvmExit()).start());
        CompletableFuture<EmbeddedKafkaServer> kafka = startInBackground("Kafka", shutdown, () ->
                EmbeddedKafkaServer.builder().portOrNextFree(plan.kafkaPort()).dataDirectory(plan.kafkaData()).start());
        int identityPort = plan.issuerPort() == 0 ? FreePorts.any() : FreePorts.firstFreeFrom(plan.issuerPort());
        databases().forEach(postgres.join()::createDatabase);
        kafka.join().createTopics(topicNames(), TOPIC_PARTITIONS);
        return new Infrastructure(postgres.join(), kafka.join(), identityPort, plan.issuerKeys());
    }

    /**
     * Starts the identity provider (its executable jar as a child JVM) on its port, with the gateway's
     * address for the console's sign-in, and waits until it is ready: the services start after it.
     */
    public IdentityProvider startIdentity(Path jar, PlatformAddresses addresses, Path logs, Shutdown shutdown, Duration timeout)
            throws InterruptedException {
        IdentityProvider identity = Identity.start(jar, identityPort, identityKeys, addresses, logs, timeout);
        return shutdown.register("the identity provider", identity);
    }

    /** Every service's database, and the identity provider's. */
    public static List<String> databases() {
        List<String> databases = new ArrayList<>(
                Arrays.stream(ServiceSpec.values()).flatMap(service -> service.database().stream()).toList());
        databases.add(Identity.MODULE);
        return databases;
    }

    /** Every event topic and its dead-letter topic, which needs as many partitions as the topic it backs. */
    static List<String> topicNames() {
        return Arrays.stream(Topic.values())
                .flatMap(topic -> Stream.of(topic.topicName(), topic.deadLetterTopic()))
                .toList();
    }

    /** What the services are told, with their ports chosen now, after the infrastructure took its own. */
    public PlatformAddresses addresses(PortAllocator ports, Map<ServiceSpec, Integer> preferredPorts) {
        Map<ServiceSpec, Integer> servicePorts = new EnumMap<>(ServiceSpec.class);
        for (ServiceSpec service : ServiceSpec.values()) {
            servicePorts.put(service, ports.allocate(preferredPorts.get(service)));
        }
        return new PlatformAddresses(postgres.host(), postgres.port(), postgres.username(), postgres.password(),
                kafka.bootstrapServers(), Identity.issuerUri(identityPort), Identity.issuerUri(identityPort) + "/jwks",
                servicePorts);
    }

    /** Starts a server on its own thread, registered for shutdown right away: stopping it waits for its start. */
    private static <T extends AutoCloseable> CompletableFuture<T> startInBackground(String name, Shutdown shutdown,
            Supplier<T> start) {
        CompletableFuture<T> future = CompletableFuture.supplyAsync(start, task -> new Thread(task, "start " + name).start());
        shutdown.register(name, () -> {
            T server = future.exceptionally(failure -> null).join();
            if (server != null) {
                server.close();
            }
        });
        return future;
    }
}
