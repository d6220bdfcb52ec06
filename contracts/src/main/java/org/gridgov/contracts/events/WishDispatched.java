package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code org.gridgov.wish.dispatched.v1}: Wish dispatched. Grid staff dispatched the wish for claiming
 * (网格派单).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WishDispatched(UUID wishId, Actor actor, Instant occurredAt, String status,
                             @Nullable List<UUID> candidateUnits) implements Event {
}
