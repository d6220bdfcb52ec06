package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code org.gridgov.project.cancelled.v1}: Project cancelled. An admin of the community cancelled the project;
 * it leaves the opportunity list, its milestones are no longer supervised. The reason is kept by the committee,
 * not put in the event.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProjectCancelled(UUID projectId, UUID communityId, int year, @Nullable UUID unitId, String previousStatus,
                               Instant occurredAt) implements Event {
}
