package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code org.gridgov.project.declined.v1}: Project declined. The unit a project was offered to (or that claimed
 * it) declined it before signing; the project went back to the opportunity list.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProjectDeclined(UUID projectId, UUID communityId, int year, UUID unitId,
                              Instant occurredAt) implements Event {
}
