package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code org.gridgov.wish.released.v1}: Wish released. The claimer gave the wish up, or its claim timed out;
 * it is open for claiming again.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WishReleased(UUID wishId, Actor actor, Instant occurredAt, String status,
                           Claimer claimer, @Nullable String reason) implements Event {
}
