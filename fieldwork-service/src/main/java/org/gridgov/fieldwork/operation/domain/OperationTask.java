package org.gridgov.fieldwork.operation.domain;

import java.time.Instant;
import java.util.UUID;

/** A task assigned to one of an operation's task groups. */
public record OperationTask(UUID id, UUID operationId, String groupName, String text, String assignedBy, Instant assignedAt) {
}
