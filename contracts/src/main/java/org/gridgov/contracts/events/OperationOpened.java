package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code org.gridgov.operation.opened.v1}: Emergency operation opened. A community or street opened an emergency
 * operation (战时攻坚: flood, fire, epidemic, safety) over a grid-tree node, with its task groups (专项工作小组).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OperationOpened(UUID operationId, UUID scopeNodeId, Kind kind, String title, List<String> taskGroups,
                              Instant occurredAt) implements Event {

    public enum Kind { FLOOD, FIRE, EPIDEMIC, SAFETY, OTHER }
}
