package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code org.gridgov.wish.urged.v1}: Wish urged. The resident hurried an open wish along (催单), at
 * most once a day; the grid and the claimer are to be told.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WishUrged(UUID wishId, Actor actor, Instant occurredAt, String status,
        @Nullable Claimer claimer, UUID gridId, UUID communityId, int urgeCount) implements Event {
}
