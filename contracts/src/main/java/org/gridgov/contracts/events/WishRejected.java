package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code org.gridgov.wish.rejected.v1}: Wish rejected. Grid staff rejected the wish. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WishRejected(UUID wishId, Actor actor, Instant occurredAt, String status,
                           String reason) implements Event {
}
