package org.gridgov.kit.test;

import java.util.concurrent.atomic.AtomicInteger;

import org.gridgov.infra.EmbeddedKafkaServer;
import org.gridgov.infra.EmbeddedPostgresServer;
import org.gridgov.infra.KafkaBroker;
import org.gridgov.infra.LocalOidcIssuer;
import org.gridgov.infra.PostgresServer;

/**
 * One real PostgreSQL, one real Kafka broker (KRaft) and one local OIDC issuer per test JVM,
 * started on first use and stopped when the JVM exits. PostgreSQL and Kafka are Testcontainers'
 * or the embedded servers on loopback, as {@link InfrastructureChoice} decides; the issuer always
 * runs in this JVM. Every Spring context gets a database of its own, so test classes do not see
 * each other's rows.
 */
public final class RealInfrastructure {

    private static RealInfrastructure instance;

    private final InfrastructureChoice choice;
    private final PostgresServer postgres;
    private final KafkaBroker kafka;
    private final LocalOidcIssuer issuer;
    private final AtomicInteger databases = new AtomicInteger();

    private RealInfrastructure(InfrastructureChoice choice) {
        this.choice = choice;
        if (choice == InfrastructureChoice.CONTAINERS) {
            this.postgres = new ContainerInfrastructure.Postgres();
            this.kafka = new ContainerInfrastructure.Kafka();
        } else {
            this.postgres = EmbeddedPostgresServer.builder().start();
            this.kafka = EmbeddedKafkaServer.builder().start();
        }
        this.issuer = LocalOidcIssuer.builder().start();
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

    public LocalOidcIssuer issuer() {
        return issuer;
    }

    /** Creates an empty database and returns its name. */
    public String newDatabase(String prefix) {
        String name = prefix.replaceAll("[^a-z0-9_]", "_") + "_" + databases.incrementAndGet();
        postgres.createDatabase(name);
        return name;
    }

    private void close() {
        issuer.close();
        kafka.close();
        postgres.close();
    }
}
