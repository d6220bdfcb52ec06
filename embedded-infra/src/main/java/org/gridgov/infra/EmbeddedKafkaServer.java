package org.gridgov.infra;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.Properties;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * A real single-node Kafka (broker and KRaft controller in one process) running inside this JVM
 * on 127.0.0.1, for integration tests and the local launcher.
 *
 * <p>Unlike spring-kafka-test's embedded broker it keeps its ports: {@link #stop()} and
 * {@link #start()} bring the same broker back on the same address and log directory, so clients
 * created before the outage reconnect by themselves.
 *
 * <pre>{@code
 * try (EmbeddedKafkaServer kafka = EmbeddedKafkaServer.builder().start()) {
 *     kafka.createTopics(List.of("wish.events"), 3);
 *     String bootstrap = kafka.bootstrapServers();
 * }
 * }</pre>
 */
public final class EmbeddedKafkaServer extends EmbeddedServer implements KafkaBroker {

    private static final int NODE_ID = 1;

    private int controllerPort;
    private KafkaRaftServer server;

    private EmbeddedKafkaServer(Builder builder) {
        super(builder, "gridgov-kafka");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts the broker, or starts it again after {@link #stop()} on the same ports and log directory. */
    @Override
    public synchronized EmbeddedKafkaServer start() {
        if (server != null) {
            return this;
        }
        listenPort();
        if (controllerPort == 0) {
            // like the broker's port, concrete from the first start on
            controllerPort = FreePorts.any();
        }
        QuietLogging.atWarn("kafka", "org.apache.kafka", "state.change.logger");
        KafkaConfig config = KafkaConfig.fromProps(brokerProperties(), false);
        formatOnFirstStart(config);
        KafkaRaftServer started = new KafkaRaftServer(config, Time.SYSTEM);
        started.startup();
        server = started;
        return this;
    }

    /** Shuts the broker down cleanly; {@link #start()} brings it back with its data. */
    @Override
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null;
    }

    @Override
    public synchronized String bootstrapServers() {
        return HOST + ":" + port();
    }

    private Properties brokerProperties() {
        Properties properties = new Properties();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", Integer.toString(NODE_ID));
        properties.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        properties.put("listeners", "PLAINTEXT://" + HOST + ":" + port() + ",CONTROLLER://" + HOST + ":" + controllerPort);
        properties.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port());
        properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.put("controller.listener.names", "CONTROLLER");
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        properties.put("log.dirs", dataDirectory().toString());
        // A single node can hold only one replica of anything, internal topics included.
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("share.coordinator.state.topic.min.isr", "1");
        properties.put("min.insync.replicas", "1");
        // Small footprint and fast first use on a developer machine with two cores.
        properties.put("offsets.topic.num.partitions", "5");
        properties.put("transaction.state.log.num.partitions", "5");
        properties.put("group.initial.rebalance.delay.ms", "0");
        properties.put("num.network.threads", "2");
        properties.put("num.io.threads", "2");
        properties.put("background.threads", "2");
        properties.put("num.recovery.threads.per.data.dir", "1");
        properties.put("log.cleaner.threads", "1");
        // After a kill -9 the controller refuses the broker's new registration until the old session
        // expires (9 s by default); heartbeats never leave this process, so a shorter session is safe.
        properties.put("broker.heartbeat.interval.ms", "1000");
        properties.put("broker.session.timeout.ms", "4000");
        return properties;
    }

    /** The storage formatter writes meta.properties and the bootstrap metadata once per log directory. */
    private void formatOnFirstStart(KafkaConfig config) {
        if (Files.exists(dataDirectory().resolve("meta.properties"))) {
            return;
        }
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(config.nodeId())
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName("CONTROLLER")
                    .addDirectory(dataDirectory().toString())
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format Kafka storage in " + dataDirectory(), e);
        }
    }

    public static final class Builder extends EmbeddedServer.Builder<Builder> {

        private Builder() {
        }

        public EmbeddedKafkaServer start() {
            return new EmbeddedKafkaServer(this).start();
        }
    }
}
