package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code org.gridgov.gridstaff.assigned.v1}: Grid staff assigned. A person took a role (一长六员 or micro-grid
 * chief) in a grid.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GridStaffAssigned(UUID gridId, String role, UUID personId, @Nullable UUID memberId,
                                String name, Instant occurredAt) implements Event {
}
