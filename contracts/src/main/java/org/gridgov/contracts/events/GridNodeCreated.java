package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code org.gridgov.gridnode.created.v1}: Grid node created. A node of the district → street → community →
 * grid → micro-grid → hub-household tree was created.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GridNodeCreated(UUID nodeId, String kind, String name, @Nullable UUID parentId,
                              List<UUID> path, @Nullable String gridKind, @Nullable UUID memberId,
                              Instant occurredAt) implements Event {
}
