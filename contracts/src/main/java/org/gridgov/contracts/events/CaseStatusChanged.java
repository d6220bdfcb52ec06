package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code org.gridgov.case.status-changed.v1}: Case status changed. A case moved on in its life (GB/T 30428):
 * filed or declined, referred (吹哨), acknowledged (报到), handled, verified (a failed verification returns it to
 * ACKNOWLEDGED as rework) and closed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseStatusChanged(UUID caseId, UUID communityId, Status status, Status previousStatus,
                                @Nullable UUID departmentId, int reworkCount, @Nullable Boolean onTime,
                                Instant occurredAt) implements Event {

    public enum Status { REPORTED, FILED, DECLINED, REFERRED, ACKNOWLEDGED, HANDLED, CLOSED }
}
