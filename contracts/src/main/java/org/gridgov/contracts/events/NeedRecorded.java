package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.gridgov.contracts.Category;

/**
 * {@code org.gridgov.need.recorded.v1}: Need recorded. Grid staff recorded a need they found (走–看–问–听–议).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NeedRecorded(UUID needId, Category category, @Nullable String title, UUID gridId,
                           UUID communityId, int householdsAffected, String priority, String foundBy,
                           Instant occurredAt) implements Event {
}
