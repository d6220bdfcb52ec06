package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code org.gridgov.wish.fulfilled.v1}: Wish fulfilled. The claimer reported the wish done; the resident
 * has yet to confirm.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WishFulfilled(UUID wishId, Actor actor, Instant occurredAt, String status,
                            Claimer claimer) implements Event {
}
