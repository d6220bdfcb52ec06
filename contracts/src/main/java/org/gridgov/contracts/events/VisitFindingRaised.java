package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.gridgov.contracts.Category;

/**
 * {@code org.gridgov.visit.finding-raised.v1}: Visit finding raised as a need. Grid staff turned a finding of a visit
 * (走访) into a need of the grid's needs list (需求清单): wish-service records the need under {@code needId}, once. The
 * title is the need's as the staff wrote it for the list; the household is not named.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VisitFindingRaised(UUID visitId, int finding, UUID needId, UUID gridId, UUID communityId, Category category,
                                 String title, int householdsAffected, String raisedBy, Instant occurredAt) implements Event {
}
