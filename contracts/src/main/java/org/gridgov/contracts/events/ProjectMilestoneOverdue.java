package org.gridgov.contracts.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code org.gridgov.project.milestone-overdue.v1}: Project milestone overdue. A milestone of a signed
 * project's agreement passed its due date unreached (督办): first a reminder to the unit, then an escalation
 * to the community's admins.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProjectMilestoneOverdue(UUID projectId, UUID communityId, int year, UUID unitId, String milestone,
                                      LocalDate dueDate, Level level, int daysLate,
                                      Instant occurredAt) implements Event {

    public enum Level { REMINDER, ESCALATION }
}
