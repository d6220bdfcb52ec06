package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code org.gridgov.patrol.ended.v1}: Patrol ended. How many places it checked in at, how many findings it
 * turned into cases, how long it took.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PatrolEnded(UUID patrolId, UUID gridId, UUID communityId, int checkIns, int findings, int minutes,
                          Instant occurredAt) implements Event {
}
