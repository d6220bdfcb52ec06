package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code org.gridgov.project.reviewed.v1}: Project reviewed. The committee graded the project at its
 * quarterly joint meeting (项目评议); {@code closed} when it was the review of a completed project.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProjectReviewed(UUID projectId, UUID communityId, int year, UUID unitId, String quarter, String grade,
                              @Nullable Boolean closed, Instant occurredAt) implements Event {
}
