package org.gridgov.fieldwork.operation.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.gridgov.kit.domain.Refusal;

/**
 * An emergency operation (战时攻坚): opened over a grid-tree node with its task groups, calling out party members and
 * member units while it is open, closed once; closing credits each member who arrived the hours from their arrival
 * to the close, in half hours, at least half an hour and at most {@link #MAX_HOURS}.
 */
public record Operation(UUID id, UUID scopeNodeId, UUID communityId, OperationKind kind, String title,
                        List<TaskGroup> taskGroups, Status status, String openedBy, Instant openedAt, Instant closedAt) {

    public enum Status { OPEN, CLOSED }

    /** One operation credits a member at most this many hours: a shift, however long the operation ran. */
    public static final BigDecimal MAX_HOURS = BigDecimal.valueOf(12);

    public Operation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scopeNodeId, "scopeNodeId");
        taskGroups = List.copyOf(taskGroups);
    }

    public static Operation open(UUID scopeNodeId, UUID communityId, OperationKind kind, String title,
                                 List<TaskGroup> groups, String openedBy, Instant at) {
        if (kind == null) {
            throw Refusal.invalidField("kind", "Name the kind: FLOOD, FIRE, EPIDEMIC, SAFETY or OTHER.");
        }
        if (title == null || title.isBlank()) {
            throw Refusal.invalidField("title", "Give the operation a title.");
        }
        if (groups == null || groups.isEmpty()) {
            throw Refusal.invalidField("taskGroups", "An operation has at least one task group.");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < groups.size(); i++) {
            TaskGroup group = groups.get(i);
            if (group == null || group.name() == null || group.name().isBlank()) {
                throw Refusal.invalidField("taskGroups[" + i + "].name", "Name the task group.");
            }
            if (!names.add(group.name().strip())) {
                throw Refusal.invalidField("taskGroups[" + i + "].name", "Two task groups have the same name.");
            }
        }
        List<TaskGroup> stripped = groups.stream().map(g -> new TaskGroup(g.name().strip(), g.leadMemberId())).toList();
        return new Operation(UUID.randomUUID(), scopeNodeId, communityId, kind, title.strip(), stripped, Status.OPEN,
                openedBy, at, null);
    }

    /** The task group of that name; a 400 naming {@code field} when the operation has none. */
    public TaskGroup group(String name, String field) {
        String wanted = name == null ? null : name.strip();
        return taskGroups.stream().filter(g -> g.name().equals(wanted)).findFirst()
                .orElseThrow(() -> Refusal.invalidField(field, "The operation has no task group " + name + "."));
    }

    public void requireOpen() {
        if (status != Status.OPEN) {
            throw Refusal.conflict("OPERATION_CLOSED", "The operation is closed.");
        }
    }

    public Operation close(Instant at) {
        requireOpen();
        return new Operation(id, scopeNodeId, communityId, kind, title, taskGroups, Status.CLOSED, openedBy, openedAt, at);
    }

    /** The hours a member who arrived at {@code arrivedAt} served until the close. */
    public static BigDecimal hoursServed(Instant arrivedAt, Instant closedAt) {
        long minutes = Math.max(0, Duration.between(arrivedAt, closedAt).toMinutes());
        BigDecimal halves = BigDecimal.valueOf(Math.max(1, minutes / 30));
        BigDecimal hours = halves.divide(BigDecimal.valueOf(2), 1, RoundingMode.UNNECESSARY);
        return hours.min(MAX_HOURS).setScale(1, RoundingMode.UNNECESSARY);
    }
}
