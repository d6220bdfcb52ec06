package org.gridgov.grid.staff.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * A person holding a role in a grid or micro-grid. {@code memberId} is set when the person is a
 * party member. Staff names are public: residents need to know who serves their grid.
 */
public record StaffAssignment(UUID id, UUID nodeId, GridRole role, UUID personId, UUID memberId, String name) {

    /** Whether {@code other} says the same about the role holder: then nothing needs to change. */
    public boolean sameHolder(StaffAssignment other) {
        return personId.equals(other.personId) && Objects.equals(memberId, other.memberId) && name.equals(other.name);
    }
}
