package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code org.gridgov.project.claimed.v1}: Project claimed. A unit took an OPEN project off the opportunity list
 * in public (揭榜).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProjectClaimed(UUID projectId, UUID communityId, int year, UUID unitId,
                             Instant occurredAt) implements Event {
}
