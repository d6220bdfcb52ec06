package org.gridgov.kit.outbox;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.gridgov.contracts.EventSchemas;
import org.gridgov.contracts.EventType;
import org.gridgov.kit.web.CorrelationId;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records an event in the outbox table. Call it inside the transaction that makes the state
 * change, so that the change and its event commit (or roll back) together; the
 * {@link OutboxRelay} publishes committed rows afterwards.
 */
public class Outbox {

    private final DatabaseClient db;
    private final JsonMapper json;
    private final Clock clock;

    public Outbox(DatabaseClient db, JsonMapper json, Clock clock) {
        this.db = db;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Appends an event about aggregate {@code subject}. The data must match the event type's
     * JSON Schema: a mismatch is a programming error and fails the surrounding transaction.
     *
     * @return the new event's id
     */
    public Mono<UUID> append(EventType type, String subject, Object data) {
        String body = json.writeValueAsString(data);
        List<String> violations = EventSchemas.validate(type.type(), body);
        if (!violations.isEmpty()) {
            return Mono.error(new IllegalStateException(type.type() + " does not match its schema: " + violations));
        }
        UUID eventId = UUID.randomUUID();
        return CorrelationId.current().flatMap(correlationId -> {
            DatabaseClient.GenericExecuteSpec insert = db.sql("""
                            insert into kit_outbox (event_id, topic, event_type, subject, data, correlation_id, occurred_at)
                            values (:eventId, :topic, :type, :subject, cast(:data as json), :correlationId, :occurredAt)""")
                    .bind("eventId", eventId)
                    .bind("topic", type.topic().topicName())
                    .bind("type", type.type())
                    .bind("subject", subject)
                    .bind("data", body)
                    .bind("occurredAt", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
            insert = correlationId.isPresent()
                    ? insert.bind("correlationId", correlationId.get())
                    : insert.bindNull("correlationId", String.class);
            return insert.fetch().rowsUpdated().thenReturn(eventId);
        });
    }
}
