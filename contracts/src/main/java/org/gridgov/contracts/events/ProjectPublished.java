package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.gridgov.contracts.Category;

/**
 * {@code org.gridgov.project.published.v1}: Project published. A project of the Grand Party Committee (大党委)
 * was put up: OFFERED to the unit a published project list assigned it to, or OPEN on the community's
 * opportunity list (机会清单) for any unit to claim.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProjectPublished(UUID projectId, UUID communityId, int year, String status, @Nullable UUID unitId,
                               Category category, List<UUID> needIds, @Nullable UUID projectListId,
                               Instant occurredAt) implements Event {
}
