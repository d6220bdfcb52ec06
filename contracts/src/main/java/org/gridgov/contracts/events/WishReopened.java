package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code org.gridgov.wish.reopened.v1}: Wish reopened. The resident reopened a closed wish within 7
 * days of closing: it was not really done. It is DISPATCHED at the grid again; the claim that ended
 * in the close is over.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WishReopened(UUID wishId, Actor actor, Instant occurredAt, String status,
        @Nullable Claimer previousClaimer, UUID gridId, UUID communityId, int reopenCount) implements Event {
}
