package org.gridgov.kit.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.gridgov.infra.EmbeddedKafkaServer;
import org.gridgov.infra.EmbeddedPostgresServer;
import org.gridgov.infra.IdentityProvider;
import org.gridgov.infra.KafkaBroker;
import org.gridgov.infra.PostgresServer;

/**
 * One real PostgreSQL, one real Kafka broker (KRaft) and GridGov's identity provider per test JVM,
 * started on first use and stopped when the JVM exits. PostgreSQL and Kafka are Testcontainers'
 * or the embedded servers on loopback, as {@link InfrastructureChoice} decides; the identity provider
 * is the {@code identity} module's jar in a child JVM (the reactor builds it before any module that
 * tests with this kit), with its database in that PostgreSQL. Every Spring context gets a database of
 * its own, so test classes do not see each other's rows.
 */
public final class RealInfrastructure {

    /** The secret of apps-service's own client at the tests' identity provider. */
    public static final String APPS_CLIENT_SECRET = "tests-apps-service-client-secret";
    /** The secret of member-service's own client (linking volunteers' accounts) at the tests' identity provider. */
    public static final String MEMBER_CLIENT_SECRET = "tests-member-service-client-secret";
    /** Where the identity provider's jar is, when not in {@code identity/target} beside this module's directory. */
    public static final String IDENTITY_JAR_PROPERTY = "gridgov.identity.jar";

    private static RealInfrastructure instance;

    private final InfrastructureChoice choice;
    private final PostgresServer postgres;
    private final KafkaBroker kafka;
    private final IdentityProvider issuer;
    private final AtomicInteger databases = new AtomicInteger();

    private RealInfrastructure(InfrastructureChoice choice) {
        this.choice = choice;
        CompletableFuture<KafkaBroker> broker = CompletableFuture.supplyAsync(() -> choice == InfrastructureChoice.CONTAINERS
                ? new ContainerInfrastructure.Kafka() : EmbeddedKafkaServer.builder().start());
        this.postgres = choice == InfrastructureChoice.CONTAINERS
                ? new ContainerInfrastructure.Postgres() : EmbeddedPostgresServer.builder().start();
        postgres.createDatabase(IdentityProvider.MODULE);
        IdentityProvider.Builder identity = IdentityProvider.builder(identityJar())
                .database(postgres, IdentityProvider.MODULE)
                .appsClientSecret(APPS_CLIENT_SECRET)
                .environment("IDENTITY_MEMBER_CLIENT_SECRET", MEMBER_CLIENT_SECRET);
        if (Files.isDirectory(Path.of("target"))) {
            // beside the module's test reports
            identity.log(Path.of("target", "identity.log").toAbsolutePath());
        }
        this.issuer = identity.start();
        this.kafka = broker.join();
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "real-infrastructure-stop"));
    }

    public static synchronized RealInfrastructure get() {
        if (instance == null) {
            instance = new RealInfrastructure(InfrastructureChoice.forThisRun());
        }
        return instance;
    }

    /** Whether this run's PostgreSQL and Kafka are containers or embedded. */
    public InfrastructureChoice choice() {
        return choice;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    /** The identity provider: the issuer of every token the services under test accept. */
    public IdentityProvider issuer() {
        return issuer;
    }

    /** Creates an empty database and returns its name. */
    public String newDatabase(String prefix) {
        String name = prefix.replaceAll("[^a-z0-9_]", "_") + "_" + databases.incrementAndGet();
        postgres.createDatabase(name);
        return name;
    }

    /**
     * The {@code identity} module's executable jar: the system property {@value #IDENTITY_JAR_PROPERTY}, else the one
     * built in {@code identity/target} of the reactor this test runs in.
     */
    static Path identityJar() {
        String configured = System.getProperty(IDENTITY_JAR_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path target = dir.resolve(IdentityProvider.MODULE).resolve("target");
            if (Files.isDirectory(target)) {
                try (Stream<Path> files = Files.list(target)) {
                    return files.filter(file -> file.getFileName().toString().matches(IdentityProvider.MODULE + "-.*\\.jar"))
                            .filter(file -> !file.getFileName().toString().endsWith("-sources.jar"))
                            .findFirst()
                            .orElseThrow(() -> new IllegalStateException("no identity jar in " + target
                                    + ": build the identity module first (mvn -pl identity package)"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("the identity module is not beside " + Path.of("").toAbsolutePath()
                + ": set -D" + IDENTITY_JAR_PROPERTY + "=<identity jar>");
    }

    private void close() {
        issuer.close();
        kafka.close();
        postgres.close();
    }
}
