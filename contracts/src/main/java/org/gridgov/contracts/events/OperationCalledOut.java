package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code org.gridgov.operation.called-out.v1}: Called out to an emergency operation. Party members and member units
 * were called out (下沉一线) to an emergency operation: the most urgent message the platform sends, delivered to each
 * of them whatever their quiet hours. Ids only: who they are is for each service to look up.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OperationCalledOut(UUID operationId, UUID callOutId, UUID scopeNodeId, OperationOpened.Kind kind,
                                 String title, @Nullable String groupName, List<UUID> memberIds, List<UUID> unitIds,
                                 Instant occurredAt) implements Event {
}
