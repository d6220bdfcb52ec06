package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code org.gridgov.gridnode.updated.v1}: Grid node updated. A grid node was renamed, re-kinded or moved;
 * the event carries its state after the change.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GridNodeUpdated(UUID nodeId, String kind, String name, @Nullable UUID parentId,
                              List<UUID> path, @Nullable String gridKind, @Nullable UUID memberId,
                              Instant occurredAt) implements Event {
}
