package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code org.gridgov.gridnode.retired.v1}: Grid node retired. A grid node was taken out of use; its id is
 * never reused.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GridNodeRetired(UUID nodeId, String kind, String name, @Nullable UUID parentId,
                              List<UUID> path, @Nullable String gridKind, @Nullable UUID memberId,
                              Instant occurredAt) implements Event {
}
