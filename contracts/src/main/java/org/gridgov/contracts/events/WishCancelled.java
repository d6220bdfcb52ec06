package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code org.gridgov.wish.cancelled.v1}: Wish cancelled. The resident cancelled the wish before it was
 * claimed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WishCancelled(UUID wishId, Actor actor, Instant occurredAt, String status,
                            @Nullable String reason) implements Event {
}
