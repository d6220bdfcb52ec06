package org.gridgov.kit.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** CloudEvents 1.0 Kafka protocol binding, binary content mode: attributes in {@code ce_*} headers, data as the value. */
public final class CloudEventKafka {

    public static final String SPEC_VERSION = "1.0";
    static final String CONTENT_TYPE = "content-type";

    private CloudEventKafka() {
    }

    public static ProducerRecord<String, byte[]> toRecord(String topic, CloudEvent event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, null, event.subject(),
                event.data().getBytes(StandardCharsets.UTF_8));
        Headers headers = record.headers();
        put(headers, "ce_specversion", SPEC_VERSION);
        put(headers, "ce_id", event.id());
        put(headers, "ce_type", event.type());
        put(headers, "ce_source", event.source());
        put(headers, "ce_subject", event.subject());
        put(headers, "ce_time", event.time().toString());
        put(headers, CONTENT_TYPE, "application/json");
        event.correlationId().ifPresent(id -> put(headers, "ce_correlationid", id));
        return record;
    }

    /** Reads an event, or throws {@link PoisonEventException} when the record is not a valid one. */
    public static CloudEvent fromRecord(ConsumerRecord<String, byte[]> record) {
        Headers headers = record.headers();
        String specVersion = get(headers, "ce_specversion").orElseThrow(() -> poison(record, "no ce_specversion"));
        if (!SPEC_VERSION.equals(specVersion)) {
            throw poison(record, "unsupported ce_specversion " + specVersion);
        }
        if (record.value() == null) {
            throw poison(record, "no data");
        }
        Instant time;
        try {
            time = Instant.parse(get(headers, "ce_time").orElseThrow(() -> poison(record, "no ce_time")));
        } catch (DateTimeParseException e) {
            throw poison(record, "ce_time is not an RFC 3339 time");
        }
        return new CloudEvent(
                get(headers, "ce_id").orElseThrow(() -> poison(record, "no ce_id")),
                get(headers, "ce_type").orElseThrow(() -> poison(record, "no ce_type")),
                get(headers, "ce_source").orElseThrow(() -> poison(record, "no ce_source")),
                get(headers, "ce_subject").orElse(record.key() == null ? "" : record.key()),
                time,
                get(headers, "ce_correlationid"),
                new String(record.value(), StandardCharsets.UTF_8));
    }

    private static PoisonEventException poison(ConsumerRecord<?, ?> record, String reason) {
        return new PoisonEventException(record.topic() + "-" + record.partition() + "@" + record.offset() + ": " + reason);
    }

    private static void put(Headers headers, String key, String value) {
        headers.remove(key);
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<String> get(Headers headers, String key) {
        Header header = headers.lastHeader(key);
        return header == null || header.value() == null
                ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }
}
