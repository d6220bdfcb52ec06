package org.gridgov.grid.events;

import java.util.UUID;

import org.gridgov.contracts.EventType;
import org.gridgov.kit.outbox.Outbox;
import reactor.core.publisher.Mono;

/** An event to record in the outbox: its type, the aggregate id it is keyed by, and its data. */
public record PendingEvent(EventType type, String subject, Object data) {

    /** Records it through the kit's outbox, in the caller's transaction. */
    public Mono<UUID> appendTo(Outbox outbox) {
        return outbox.append(type, subject, data);
    }
}
