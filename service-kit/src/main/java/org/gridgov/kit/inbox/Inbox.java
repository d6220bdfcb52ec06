package org.gridgov.kit.inbox;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.gridgov.kit.data.Sql;
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
        return applyAllOnce(consumer, List.of(event), fresh -> handler.apply(fresh.get(0)))
                .map(applied -> !applied.isEmpty());
    }

    /**
     * Applies, in one transaction, those of the events this consumer has not applied yet: one statement
     * records them all, then the handler gets them, in order (not at all when none is new). A failure
     * rolls all of them back. Emits the ids of those applied now (an event twice in the list is applied once).
     */
    public Mono<Set<String>> applyAllOnce(String consumer, List<CloudEvent> events,
                                          Function<List<CloudEvent>, Mono<Void>> handler) {
        Mono<Set<String>> work = db.sql("""
                        insert into kit_inbox (consumer, event_id, event_type)
                        select :consumer, e.id, e.type from unnest(:ids::text[], :types::text[]) as e(id, type)
                        on conflict do nothing
                        returning event_id""")
                .bind("consumer", consumer)
                .bind("ids", Sql.column(events, CloudEvent::id, String[]::new))
                .bind("types", Sql.column(events, CloudEvent::type, String[]::new))
                .map(row -> row.get("event_id", String.class))
                .all().collect(HashSet<String>::new, Set::add)
                .flatMap(fresh -> {
                    Set<String> pending = new HashSet<>(fresh);
                    List<CloudEvent> apply = events.stream().filter(event -> pending.remove(event.id())).toList();
                    return (apply.isEmpty() ? Mono.<Void>empty() : handler.apply(apply)).then(Mono.just(fresh));
                });
        return tx.transactional(work);
    }
}
