package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code org.gridgov.gridstaff.unassigned.v1}: Grid staff unassigned. A person left a role in a grid. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GridStaffUnassigned(UUID gridId, String role, UUID personId, @Nullable UUID memberId,
                                  String name, Instant occurredAt) implements Event {
}
