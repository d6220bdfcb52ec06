package org.gridgov.grid.events;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.gridgov.contracts.EventType;
import org.gridgov.grid.household.domain.Household;
import org.gridgov.grid.staff.domain.StaffAssignment;
import org.gridgov.grid.tree.domain.TreeNode;

/**
 * The data of the events on {@code grid.events}, as their schemas describe them. Optional fields
 * are left out rather than sent as null. Household events carry the normalised address other
 * services place wishes by, and never a resident's name or phone.
 */
public final class GridEvents {

    private GridEvents() {
    }

    public static PendingEvent nodeCreated(TreeNode node, Instant at) {
        return node(EventType.GRID_NODE_CREATED, node, at);
    }

    public static PendingEvent nodeUpdated(TreeNode node, Instant at) {
        return node(EventType.GRID_NODE_UPDATED, node, at);
    }

    public static PendingEvent nodeRetired(TreeNode node, Instant at) {
        return node(EventType.GRID_NODE_RETIRED, node, at);
    }

    public static PendingEvent householdRegistered(Household household, Instant at) {
        return household(EventType.HOUSEHOLD_REGISTERED, household, at);
    }

    public static PendingEvent householdMoved(Household household, Instant at) {
        return household(EventType.HOUSEHOLD_MOVED, household, at);
    }

    public static PendingEvent staffAssigned(StaffAssignment assignment, Instant at) {
        return staff(EventType.GRID_STAFF_ASSIGNED, assignment, at);
    }

    public static PendingEvent staffUnassigned(StaffAssignment assignment, Instant at) {
        return staff(EventType.GRID_STAFF_UNASSIGNED, assignment, at);
    }

    private static PendingEvent node(EventType type, TreeNode node, Instant at) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("nodeId", node.id());
        data.put("kind", node.kind().name());
        data.put("name", node.name());
        putIfPresent(data, "parentId", node.parentId());
        data.put("path", node.path());
        putIfPresent(data, "gridKind", node.gridKind() == null ? null : node.gridKind().name());
        // the party member of a hub household, for member-service's read model
        putIfPresent(data, "memberId", node.memberId());
        data.put("occurredAt", at.toString());
        return new PendingEvent(type, node.id().toString(), data);
    }

    private static PendingEvent household(EventType type, Household household, Instant at) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("householdId", household.id());
        data.put("kind", household.kind().name());
        data.put("microGridId", household.microGridId());
        putIfPresent(data, "hubHouseholdId", household.hubId());
        data.put("address", household.address());
        data.put("occurredAt", at.toString());
        return new PendingEvent(type, household.id().toString(), data);
    }

    private static PendingEvent staff(EventType type, StaffAssignment assignment, Instant at) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("gridId", assignment.nodeId());
        data.put("role", assignment.role().name());
        data.put("personId", assignment.personId());
        putIfPresent(data, "memberId", assignment.memberId());
        data.put("name", assignment.name());
        data.put("occurredAt", at.toString());
        return new PendingEvent(type, assignment.nodeId().toString(), data);
    }

    private static void putIfPresent(Map<String, Object> data, String field, Object value) {
        if (value != null) {
            data.put(field, value);
        }
    }
}
