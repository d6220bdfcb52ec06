package org.gridgov.grid.events;

import static org.gridgov.kit.data.Sql.column;
import static org.gridgov.kit.data.Sql.utc;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.gridgov.contracts.EventSchemas;
import org.gridgov.kit.web.CorrelationId;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The kit's {@code Outbox.append} for thousands of events at once, as a bulk import makes them:
 * the same rows in {@code kit_outbox}, the same schema check, but one statement per chunk
 * instead of a round trip per event. Call it inside the transaction of the change.
 * (Built here because the kit has no batch append yet; it belongs in the kit.)
 */
@Component
public class OutboxBatch {

    private static final int CHUNK = 2000;

    private final DatabaseClient db;
    private final JsonMapper json;
    private final Clock clock;

    public OutboxBatch(DatabaseClient db, JsonMapper json, Clock clock) {
        this.db = db;
        this.json = json;
        this.clock = clock;
    }

    public Mono<Void> appendAll(List<PendingEvent> events) {
        return Flux.range(0, (events.size() + CHUNK - 1) / CHUNK)
                .concatMap(chunk -> insert(events.subList(chunk * CHUNK, Math.min(events.size(), (chunk + 1) * CHUNK))))
                .then();
    }

    private Mono<Long> insert(List<PendingEvent> events) {
        String[] data = new String[events.size()];
        for (int i = 0; i < data.length; i++) {
            PendingEvent event = events.get(i);
            data[i] = json.writeValueAsString(event.data());
            List<String> violations = EventSchemas.validate(event.type(), data[i]);
            if (!violations.isEmpty()) {
                return Mono.error(new IllegalStateException(event.type().type() + " does not match its schema: " + violations));
            }
        }
        return CorrelationId.current().flatMap(correlationId -> {
            DatabaseClient.GenericExecuteSpec insert = db.sql("""
                            insert into kit_outbox (event_id, topic, event_type, subject, data, correlation_id, occurred_at)
                            select e.event_id, e.topic, e.event_type, e.subject, cast(e.data as json), :correlationId, :occurredAt
                              from unnest(cast(:ids as uuid[]), cast(:topics as text[]), cast(:types as text[]),
                                          cast(:subjects as text[]), cast(:data as text[]))
                                   with ordinality as e(event_id, topic, event_type, subject, data, position)
                             order by e.position""")
                    .bind("ids", column(events, event -> UUID.randomUUID(), UUID[]::new))
                    .bind("topics", column(events, event -> event.type().topic().topicName(), String[]::new))
                    .bind("types", column(events, event -> event.type().type(), String[]::new))
                    .bind("subjects", column(events, PendingEvent::subject, String[]::new))
                    .bind("data", data)
                    .bind("occurredAt", utc(clock.instant()));
            insert = correlationId.isPresent()
                    ? insert.bind("correlationId", correlationId.get())
                    : insert.bindNull("correlationId", String.class);
            return insert.fetch().rowsUpdated();
        });
    }
}
