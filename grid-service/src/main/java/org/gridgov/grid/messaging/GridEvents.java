package org.gridgov.grid.messaging;

import java.time.Instant;

import org.gridgov.contracts.events.GridNodeCreated;
import org.gridgov.contracts.events.GridNodeRetired;
import org.gridgov.contracts.events.GridNodeUpdated;
import org.gridgov.contracts.events.GridStaffAssigned;
import org.gridgov.contracts.events.GridStaffUnassigned;
import org.gridgov.contracts.events.HouseholdMoved;
import org.gridgov.contracts.events.HouseholdRegistered;
import org.gridgov.grid.household.domain.Household;
import org.gridgov.grid.staff.domain.StaffAssignment;
import org.gridgov.grid.tree.domain.TreeNode;

/**
 * The events on {@code grid.events}, made from the tree's nodes, households and staff. Node events carry
 * the party member of a hub household, for member-service's read model; household events carry the
 * normalised address other services place wishes by, and never a resident's name or phone.
 */
public final class GridEvents {

    private GridEvents() {
    }

    public static GridNodeCreated nodeCreated(TreeNode node, Instant at) {
        return new GridNodeCreated(node.id(), node.kind().name(), node.name(), node.parentId(), node.path(),
                gridKind(node), node.memberId(), at);
    }

    public static GridNodeUpdated nodeUpdated(TreeNode node, Instant at) {
        return new GridNodeUpdated(node.id(), node.kind().name(), node.name(), node.parentId(), node.path(),
                gridKind(node), node.memberId(), at);
    }

    public static GridNodeRetired nodeRetired(TreeNode node, Instant at) {
        return new GridNodeRetired(node.id(), node.kind().name(), node.name(), node.parentId(), node.path(),
                gridKind(node), node.memberId(), at);
    }

    public static HouseholdRegistered householdRegistered(Household household, Instant at) {
        return new HouseholdRegistered(household.id(), household.kind().name(), household.microGridId(),
                household.hubId(), household.address(), at);
    }

    public static HouseholdMoved householdMoved(Household household, Instant at) {
        return new HouseholdMoved(household.id(), household.kind().name(), household.microGridId(), household.hubId(),
                household.address(), at);
    }

    public static GridStaffAssigned staffAssigned(StaffAssignment assignment, Instant at) {
        return new GridStaffAssigned(assignment.nodeId(), assignment.role().name(), assignment.personId(),
                assignment.memberId(), assignment.name(), at);
    }

    public static GridStaffUnassigned staffUnassigned(StaffAssignment assignment, Instant at) {
        return new GridStaffUnassigned(assignment.nodeId(), assignment.role().name(), assignment.personId(),
                assignment.memberId(), assignment.name(), at);
    }

    private static String gridKind(TreeNode node) {
        return node.gridKind() == null ? null : node.gridKind().name();
    }
}
