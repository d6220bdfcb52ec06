package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code org.gridgov.project.progressed.v1}: Project progressed. The unit reported progress on a signed
 * project; with the milestone it reached, if any, and whether that was by its due date.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProjectProgressed(UUID projectId, UUID communityId, int year, UUID unitId, int percent,
                                @Nullable String milestone, @Nullable Boolean milestoneOnTime,
                                Instant occurredAt) implements Event {
}
