package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code org.gridgov.patrol.missed.v1}: Patrol missed. No patrol of the grid started by the time its patrol plan made one
 * due; the next is due {@code nextDueAt}, {@code missedInARow} counts the misses since the last patrol.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PatrolMissed(UUID planId, UUID gridId, UUID communityId, Instant dueAt, Instant nextDueAt, int missedInARow,
                           Instant occurredAt) implements Event {
}
