package org.gridgov.grid.staff.domain;

import java.time.Instant;
import java.util.Optional;

/** One person's time in a role: the assignment history of a grid or micro-grid. */
public record StaffTerm(StaffAssignment assignment, Instant from, Optional<Instant> until) {
}
