package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code org.gridgov.patrol.started.v1}: Patrol started. A grid's staff started a patrol of the grid (巡查). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PatrolStarted(UUID patrolId, UUID gridId, UUID communityId, Instant occurredAt) implements Event {
}
