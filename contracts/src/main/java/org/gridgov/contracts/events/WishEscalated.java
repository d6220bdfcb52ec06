package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code org.gridgov.wish.escalated.v1}: Wish escalated. An SLA deadline passed and the wish was raised to a
 * higher level (GRID → COMMUNITY → STREET).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WishEscalated(UUID wishId, Actor actor, Instant occurredAt, String status,
                            String slaStep, String level, Instant dueAt, @Nullable UUID gridId,
                            @Nullable UUID communityId) implements Event {
}
