package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code org.gridgov.case.alerted.v1}: Case alerted. An EMERGENCY case reaches the community's admins as soon
 * as it is reported; a department late to acknowledge or handle a referred case is reminded, later the street
 * is told.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseAlerted(UUID caseId, UUID communityId, @Nullable UUID streetId, @Nullable UUID departmentId,
                          Level level, Recipient recipient, @Nullable Stage stage, CaseReported.Severity severity,
                          int minutesLate, Instant occurredAt) implements Event {

    public enum Level { EMERGENCY, REMINDER, ESCALATION }

    public enum Recipient { COMMUNITY, DEPARTMENT, STREET }

    public enum Stage { ACKNOWLEDGEMENT, HANDLING }
}
