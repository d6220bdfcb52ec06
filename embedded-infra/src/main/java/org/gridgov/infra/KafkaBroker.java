package org.gridgov.infra;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A real Kafka broker that tests use: in this JVM ({@link EmbeddedKafkaServer}) or in a container.
 * {@link #stop()} and {@link #start()} take it away and bring it back on the same address with its
 * data, so clients created before the outage reconnect by themselves.
 */
public interface KafkaBroker extends AutoCloseable {

    long ADMIN_TIMEOUT_SECONDS = 30;

    String bootstrapServers();

    /** Shuts the broker down cleanly; {@link #start()} brings it back with its data. */
    void stop();

    /** Starts the broker again after {@link #stop()}, on the same address. */
    KafkaBroker start();

    /** Stops the broker for good and removes what it stored. */
    @Override
    void close();

    /**
     * Creates the topics that do not exist yet, each with this many partitions and one replica, and
     * returns once the broker serves all of them.
     */
    default void createTopics(Collection<String> names, int partitions) {
        List<NewTopic> topics = names.stream().map(name -> new NewTopic(name, partitions, (short) 1)).toList();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            for (KafkaFuture<Void> created : admin.createTopics(topics).values().values()) {
                try {
                    await(created);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic", e.getCause());
                    }
                }
            }
            awaitListed(admin, names);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot list topics", e.getCause());
        }
    }

    /** The controller acknowledges a new topic slightly before the broker's metadata shows it. */
    private static void awaitListed(Admin admin, Collection<String> names) throws ExecutionException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ADMIN_TIMEOUT_SECONDS);
        while (!await(admin.listTopics().names()).containsAll(names)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Kafka did not show the topics " + names + " in time");
            }
            sleep(100);
        }
    }

    /** Waits until the broker at this address answers, for example after it was started again. */
    static void awaitAnswering(String bootstrapServers) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ADMIN_TIMEOUT_SECONDS);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            while (true) {
                try {
                    await(admin.describeCluster().nodes());
                    return;
                } catch (ExecutionException | IllegalStateException e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Kafka at " + bootstrapServers + " did not answer in time", e);
                    }
                    sleep(200);
                }
            }
        }
    }

    private static <T> T await(KafkaFuture<T> future) throws ExecutionException {
        try {
            return future.get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        }
    }
}
