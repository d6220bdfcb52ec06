package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code org.gridgov.wish.reminded.v1}: Wish reminded. An SLA deadline is close; whoever holds the step at
 * this level was reminded.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WishReminded(UUID wishId, Actor actor, Instant occurredAt, String status,
                           String slaStep, String level, Instant dueAt, @Nullable UUID gridId,
                           @Nullable UUID communityId) implements Event {
}
