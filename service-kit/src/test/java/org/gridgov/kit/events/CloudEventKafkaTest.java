package org.gridgov.kit.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class CloudEventKafkaTest {

    private final CloudEvent event = new CloudEvent("e-1", "org.gridgov.wish.claimed.v1", "wish-service", "wish-9",
            Instant.parse("2026-11-21T08:00:00Z"), Optional.of("corr-1"), "{\"wishId\":\"wish-9\"}");

    @Test
    void an_event_travels_in_binary_mode_keyed_by_its_subject() {
        ProducerRecord<String, byte[]> record = CloudEventKafka.toRecord("wish.events", event);

        assertThat(record.topic()).isEqualTo("wish.events");
        assertThat(record.key()).isEqualTo("wish-9");
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("{\"wishId\":\"wish-9\"}");
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_type")).isEqualTo("org.gridgov.wish.claimed.v1");
        assertThat(header(record, "ce_time")).isEqualTo("2026-11-21T08:00:00Z");
        assertThat(header(record, "content-type")).isEqualTo("application/json");
        assertThat(header(record, "ce_correlationid")).isEqualTo("corr-1");
    }

    @Test
    void what_is_written_reads_back_as_the_same_event() {
        assertThat(CloudEventKafka.fromRecord(consumed(CloudEventKafka.toRecord("wish.events", event)))).isEqualTo(event);
    }

    @Test
    void a_record_without_cloud_event_headers_is_poison() {
        ConsumerRecord<String, byte[]> bare = new ConsumerRecord<>("wish.events", 0, 7, "k", "{}".getBytes());
        assertThatThrownBy(() -> CloudEventKafka.fromRecord(bare))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("wish.events-0@7");
    }

    @Test
    void a_record_with_an_unreadable_time_is_poison() {
        ConsumerRecord<String, byte[]> record = consumed(CloudEventKafka.toRecord("wish.events", event));
        record.headers().remove("ce_time");
        record.headers().add("ce_time", "yesterday".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> CloudEventKafka.fromRecord(record)).isInstanceOf(PoisonEventException.class);
    }

    private static ConsumerRecord<String, byte[]> consumed(ProducerRecord<String, byte[]> sent) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(sent.topic(), 0, 0, sent.key(), sent.value());
        sent.headers().forEach(h -> record.headers().add(h));
        return record;
    }

    private static String header(ProducerRecord<String, byte[]> record, String key) {
        return new String(record.headers().lastHeader(key).value(), StandardCharsets.UTF_8);
    }
}
