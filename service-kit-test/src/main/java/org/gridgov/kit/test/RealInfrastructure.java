package org.gridgov.kit.test;

import java.util.concurrent.atomic.AtomicInteger;

import org.gridgov.infra.EmbeddedKafkaServer;
import org.gridgov.infra.EmbeddedPostgresServer;
import org.gridgov.infra.LocalOidcIssuer;

/**
 * One real PostgreSQL, one real Kafka broker (KRaft) and one local OIDC issuer per test JVM,
 * started on first use on loopback and stopped when the JVM exits. Every Spring context gets a
 * database of its own, so test classes do not see each other's rows.
 */
public final class RealInfrastructure {

    private static RealInfrastructure instance;

    private final EmbeddedPostgresServer postgres;
    private final EmbeddedKafkaServer kafka;
    private final LocalOidcIssuer issuer;
    private final AtomicInteger databases = new AtomicInteger();

    private RealInfrastructure() {
        this.postgres = EmbeddedPostgresServer.builder().start();
        this.kafka = EmbeddedKafkaServer.builder().start();
        this.issuer = LocalOidcIssuer.builder().start();
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "real-infrastructure-stop"));
    }

    public static synchronized RealInfrastructure get() {
        if (instance == null) {
            instance = new RealInfrastructure();
        }
        return instance;
    }

    public EmbeddedPostgresServer postgres() {
        return postgres;
    }

    public EmbeddedKafkaServer kafka() {
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
