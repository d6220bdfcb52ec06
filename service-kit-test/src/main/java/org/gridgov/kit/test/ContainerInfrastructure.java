package org.gridgov.kit.test;

import java.util.List;

import org.gridgov.infra.FreePorts;
import org.gridgov.infra.KafkaBroker;
import org.gridgov.infra.PostgresServer;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Testcontainers' PostgreSQL and Kafka behind the same interfaces as the embedded servers. The
 * images follow what the district runs (PostgreSQL 17, Kafka 4.1 in KRaft mode).
 */
final class ContainerInfrastructure {

    static final String POSTGRES_IMAGE = "postgres:17-alpine";
    static final String KAFKA_IMAGE = "apache/kafka:4.1.0";

    private ContainerInfrastructure() {
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** A PostgreSQL container; its user is a superuser, so databases can be created per Spring context. */
    static final class Postgres implements PostgresServer, AutoCloseable {

        private final PostgreSQLContainer container;

        Postgres() {
            this.container = new PostgreSQLContainer(POSTGRES_IMAGE);
            container.start();
        }

        @Override
        public String host() {
            return container.getHost();
        }

        @Override
        public int port() {
            return container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT);
        }

        @Override
        public String username() {
            return container.getUsername();
        }

        @Override
        public String password() {
            return container.getPassword();
        }

        @Override
        public void close() {
            container.stop();
        }
    }

    /**
     * A Kafka container on a fixed host port chosen at start, so that {@link #stop()} and
     * {@link #start()} (the container stopped and started again, its data kept) bring the broker
     * back at the address it advertised and clients reconnect by themselves, as with the embedded one.
     */
    static final class Kafka implements KafkaBroker, AutoCloseable {

        private static final int KAFKA_PORT = 9092;

        private final KafkaContainer container;
        private final int hostPort;

        Kafka() {
            this.hostPort = FreePorts.any();
            this.container = new KafkaContainer(KAFKA_IMAGE);
            container.setPortBindings(List.of(hostPort + ":" + KAFKA_PORT));
            container.start();
        }

        @Override
        public String bootstrapServers() {
            return container.getBootstrapServers();
        }

        @Override
        public synchronized void stop() {
            DockerClientFactory.instance().client().stopContainerCmd(container.getContainerId()).exec();
        }

        @Override
        public synchronized Kafka start() {
            DockerClientFactory.instance().client().startContainerCmd(container.getContainerId()).exec();
            KafkaBroker.awaitAnswering(bootstrapServers());
            return this;
        }

        @Override
        public void close() {
            container.stop();
        }
    }
}
