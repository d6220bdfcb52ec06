package org.gridgov.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaServerIT {

    @Test
    void a_produced_record_is_consumed() throws Exception {
        try (EmbeddedKafkaServer kafka = EmbeddedKafkaServer.builder().start();
                KafkaProducer<String, String> producer = producer(kafka);
                KafkaConsumer<String, String> consumer = consumer(kafka)) {
            kafka.createTopics(List.of("wish.events"), 3);

            producer.send(new ProducerRecord<>("wish.events", "wish-1", "WishSubmitted")).get(10, TimeUnit.SECONDS);

            consumer.subscribe(List.of("wish.events"));
            assertThat(pollValues(consumer, 1)).containsExactly("WishSubmitted");
        }
    }

    @Test
    void creating_topics_twice_keeps_them(@TempDir Path dir) {
        try (EmbeddedKafkaServer kafka = EmbeddedKafkaServer.builder().dataDirectory(dir).start()) {
            kafka.createTopics(List.of("grid.events", "grid.events.dlt"), 3);
            kafka.createTopics(List.of("grid.events", "member.events"), 3);

            assertThat(topics(kafka)).contains("grid.events", "grid.events.dlt", "member.events");
        }
    }

    @Test
    void a_producer_catches_up_after_the_broker_restarts_on_the_same_port(@TempDir Path dir) throws Exception {
        try (EmbeddedKafkaServer kafka = EmbeddedKafkaServer.builder().dataDirectory(dir).start();
                KafkaProducer<String, String> producer = producer(kafka)) {
            kafka.createTopics(List.of("matching.events"), 3);
            producer.send(new ProducerRecord<>("matching.events", "m-1", "before")).get(10, TimeUnit.SECONDS);
            String address = kafka.bootstrapServers();

            kafka.stop();
            assertThat(kafka.isRunning()).isFalse();
            kafka.start();

            assertThat(kafka.bootstrapServers()).isEqualTo(address);
            producer.send(new ProducerRecord<>("matching.events", "m-1", "after")).get(30, TimeUnit.SECONDS);
            try (KafkaConsumer<String, String> consumer = consumer(kafka)) {
                consumer.subscribe(List.of("matching.events"));
                assertThat(pollValues(consumer, 2)).containsExactly("before", "after");
            }
        }
    }

    private static KafkaProducer<String, String> producer(EmbeddedKafkaServer kafka) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000),
                new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(EmbeddedKafkaServer kafka) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer());
    }

    private static List<String> pollValues(KafkaConsumer<String, String> consumer, int expected) {
        List<String> values = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (values.size() < expected && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                values.add(record.value());
            }
        }
        return values;
    }

    private static Set<String> topics(EmbeddedKafkaServer kafka) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            return admin.listTopics().names().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
