package org.gridgov.kit.outbox;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.gridgov.contracts.EventSchemas;
import org.gridgov.contracts.EventType;
import org.gridgov.contracts.events.Event;
import org.gridgov.contracts.events.EventJson;
import org.gridgov.kit.web.CorrelationId;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Records events in the outbox table. Call it inside the transaction that makes the state
 * change, so that the change and its events commit (or roll back) together; the
 * {@link OutboxRelay} publishes committed rows afterwards.
 */
public class Outbox {

    /** Rows per statement of {@link #appendAll}: thousands of events go in a few round trips, not one each. */
    private static final int CHUNK = 2000;

    private final DatabaseClient db;
    private final Clock clock;

    public Outbox(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Appends an event: its type is the record's, its subject (the Kafka key) the record's value of
     * the type's subject field. The data must match the type's JSON Schema: a mismatch is a
     * programming error and fails the surrounding transaction.
     *
     * @return the new event's id
     */
    public Mono<UUID> append(Event event) {
        return appendAll(List.of(event)).single();
    }

    /**
     * Appends many events at once, as a bulk import makes them, with one multi-row statement per
     * {@value #CHUNK} events; the same rows and the same schema check as {@link #append}, in the
     * order given. Nothing is written when any of them breaks its schema.
     *
     * @return the new events' ids, in the order given
     */
    public Flux<UUID> appendAll(List<? extends Event> events) {
        return CorrelationId.current().flatMapMany(correlationId -> appendEach(events.stream()
                .map(event -> new Caused(event, correlationId.orElse(null))).toList()));
    }

    /** An event with the correlation id it carries: that of what caused it, when a batch had many causes. */
    public record Caused(Event event, String correlationId) {
    }

    /**
     * Appends events as {@link #appendAll} does, each with its own correlation id rather than the
     * caller's: what a batch of events from other services causes, each traced back to its own cause.
     */
    public Flux<UUID> appendEach(List<Caused> events) {
        List<Row> rows;
        try {
            rows = events.stream().map(Outbox::row).toList();
        } catch (IllegalStateException schemaMismatch) {
            return Flux.error(schemaMismatch);
        }
        return Flux.range(0, (rows.size() + CHUNK - 1) / CHUNK)
                .concatMap(chunk -> insert(rows.subList(chunk * CHUNK, Math.min(rows.size(), (chunk + 1) * CHUNK))));
    }

    private record Row(UUID eventId, EventType type, String subject, String data, String correlationId) {
    }

    private static Row row(Caused caused) {
        Event event = caused.event();
        EventType type = event.eventType();
        String data = EventJson.write(event);
        List<String> violations = EventSchemas.validate(type, data);
        if (!violations.isEmpty()) {
            throw new IllegalStateException(type.type() + " does not match its schema: " + violations);
        }
        return new Row(UUID.randomUUID(), type, EventJson.subject(event), data, caused.correlationId());
    }

    private Flux<UUID> insert(List<Row> rows) {
        return Flux.defer(() -> {
            DatabaseClient.GenericExecuteSpec insert = db.sql("""
                            insert into kit_outbox (event_id, topic, event_type, subject, data, correlation_id, occurred_at)
                            select e.event_id, e.topic, e.event_type, e.subject, cast(e.data as json), e.correlation_id, :occurredAt
                              from unnest(cast(:ids as uuid[]), cast(:topics as text[]), cast(:types as text[]),
                                          cast(:subjects as text[]), cast(:data as text[]), cast(:correlations as text[]))
                                   with ordinality as e(event_id, topic, event_type, subject, data, correlation_id, position)
                             order by e.position""")
                    .bind("ids", rows.stream().map(Row::eventId).toArray(UUID[]::new))
                    .bind("topics", rows.stream().map(row -> row.type().topic().topicName()).toArray(String[]::new))
                    .bind("types", rows.stream().map(row -> row.type().type()).toArray(String[]::new))
                    .bind("subjects", rows.stream().map(Row::subject).toArray(String[]::new))
                    .bind("data", rows.stream().map(Row::data).toArray(String[]::new))
                    .bind("correlations", rows.stream().map(Row::correlationId).toArray(String[]::new))
                    .bind("occurredAt", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
            return insert.fetch().rowsUpdated().thenMany(Flux.fromIterable(rows).map(Row::eventId));
        });
    }
}
