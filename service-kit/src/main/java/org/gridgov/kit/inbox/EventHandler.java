package org.gridgov.kit.inbox;

import java.util.List;
import java.util.Set;

import org.gridgov.contracts.Topic;
import org.gridgov.kit.events.CloudEvent;
import org.gridgov.kit.web.CorrelationId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Applies events from other services (usually to a read model). Declare one as a bean and the kit
 * subscribes it: at-least-once delivery, exactly-once effect through the inbox, retries with
 * back-off, then the topic's dead-letter topic.
 */
public interface EventHandler {

    /** A stable name, unique within the service: part of the consumer group and the inbox key. */
    String name();

    Set<Topic> topics();

    /**
     * Whether this handler applies events of {@code type}. The kit passes the others by without a
     * schema check, a transaction or an inbox row: most events on a topic are of no interest to most
     * of its consumers, and recording each of them cost a database commit.
     */
    default boolean handles(String type) {
        return true;
    }

    /**
     * Applies one event. Runs inside the database transaction that also records the event in the
     * inbox, so the effect and the record commit together. Throw
     * {@link org.gridgov.kit.events.PoisonEventException} for an event that can never be applied.
     */
    Mono<Void> handle(CloudEvent event);

    /**
     * Applies a polled batch of events, in order and in one transaction (with the inbox rows that
     * record them): by default one {@link #handle} after the other, each with its own correlation id.
     * Override it to apply a batch as a set, with fewer round trips than one event at a time.
     */
    default Mono<Void> handleAll(List<CloudEvent> events) {
        return Flux.fromIterable(events)
                .concatMap(event -> handle(event).contextWrite(ctx -> ctx.put(CorrelationId.KEY, event.correlation())))
                .then();
    }
}
