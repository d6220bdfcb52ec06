package org.gridgov.grid.staff.messaging;

import java.time.Instant;

import org.gridgov.contracts.events.GridStaffAssigned;
import org.gridgov.contracts.events.GridStaffUnassigned;
import org.gridgov.grid.staff.domain.StaffAssignment;

/** The staff events on {@code grid.events}: who took or left a role in a node. */
public final class StaffEvents {

    private StaffEvents() {
    }

    public static GridStaffAssigned staffAssigned(StaffAssignment assignment, Instant at) {
        return new GridStaffAssigned(assignment.nodeId(), assignment.role().name(), assignment.personId(),
                assignment.memberId(), assignment.name(), at);
    }

    public static GridStaffUnassigned staffUnassigned(StaffAssignment assignment, Instant at) {
        return new GridStaffUnassigned(assignment.nodeId(), assignment.role().name(), assignment.personId(),
                assignment.memberId(), assignment.name(), at);
    }
}
