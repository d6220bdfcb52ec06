package org.gridgov.kit.inbox;

import org.gridgov.contracts.events.Event;

/**
 * An event as a batch handler gets it ({@link TypedEventHandler#onBatch}): its record, and the
 * correlation id that what it causes carries on (the events it leads to: see
 * {@link org.gridgov.kit.outbox.Outbox#appendEach}).
 */
public record Delivered<E extends Event>(E event, String correlationId) {
}
