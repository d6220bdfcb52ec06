package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.gridgov.contracts.Category;

/**
 * {@code org.gridgov.need.published.v1}: Need published. A need was published on the community's needs list,
 * open for matching to resources.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NeedPublished(UUID needId, Category category, @Nullable String title, UUID gridId,
                            UUID communityId, int householdsAffected, String priority,
                            String foundBy, Instant occurredAt) implements Event {
}
