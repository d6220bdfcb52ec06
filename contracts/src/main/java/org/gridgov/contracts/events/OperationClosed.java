package org.gridgov.contracts.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code org.gridgov.operation.closed.v1}: Emergency operation closed. The operation ended; the party members who
 * arrived are credited their service hours (member-service records them once per operation and member).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OperationClosed(UUID operationId, UUID scopeNodeId, OperationOpened.Kind kind, String title,
                              List<Credit> credits, String closedBy, Instant occurredAt) implements Event {

    /** Hours a member served in the operation: from their arrival to the close, capped. */
    public record Credit(UUID memberId, BigDecimal hours) {
    }
}
