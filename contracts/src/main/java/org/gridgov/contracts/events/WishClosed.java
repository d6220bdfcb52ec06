package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code org.gridgov.wish.closed.v1}: Wish closed. The resident confirmed the wish fulfilled and rated it
 * (销单); points follow.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WishClosed(UUID wishId, Actor actor, Instant occurredAt, String status,
                         Claimer claimer, @Nullable Integer rating, List<UUID> servedMemberIds) implements Event {
}
