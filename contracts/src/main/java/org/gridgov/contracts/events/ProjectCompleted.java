package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code org.gridgov.project.completed.v1}: Project completed. The unit reported the project done; it awaits
 * the committee's review.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProjectCompleted(UUID projectId, UUID communityId, int year, UUID unitId, int milestonesOnTime,
                               int milestonesLate, Instant occurredAt) implements Event {
}
