package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code org.gridgov.wish.claimed.v1}: Wish claimed. A member unit or party member claimed the wish (接单);
 * only one claim wins.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WishClaimed(UUID wishId, Actor actor, Instant occurredAt, String status,
                          Claimer claimer) implements Event {
}
