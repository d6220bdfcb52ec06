package org.gridgov.kit.inbox;

import java.util.function.Function;

import org.gridgov.kit.events.CloudEvent;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Remembers which events a consumer has applied, in the same transaction as their effect. */
public class Inbox {

    private final DatabaseClient db;
    private final TransactionalOperator tx;

    public Inbox(DatabaseClient db, TransactionalOperator tx) {
        this.db = db;
        this.tx = tx;
    }

    /** Applies the event unless this consumer already did; emits {@code true} when it was applied now. */
    public Mono<Boolean> applyOnce(String consumer, CloudEvent event, Function<CloudEvent, Mono<Void>> handler) {
        Mono<Boolean> work = db.sql("""
                        insert into kit_inbox (consumer, event_id, event_type) values (:consumer, :eventId, :type)
                        on conflict do nothing""")
                .bind("consumer", consumer)
                .bind("eventId", event.id())
                .bind("type", event.type())
                .fetch().rowsUpdated()
                .flatMap(inserted -> inserted == 0 ? Mono.just(false) : handler.apply(event).thenReturn(true));
        return tx.transactional(work);
    }
}
