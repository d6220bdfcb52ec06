package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.gridgov.contracts.Category;

/**
 * {@code org.gridgov.case.reported.v1}: Case reported. A problem found in the field (信息采集) was reported as a
 * case in a micro-grid; its description and photos stay in fieldwork-service.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseReported(UUID caseId, UUID communityId, UUID microGridId, Category category, Severity severity,
                           int householdsAffected, int shopsAffected, Source source, @Nullable UUID patrolId,
                           Instant occurredAt) implements Event {

    public enum Severity { ROUTINE, URGENT, EMERGENCY }

    public enum Source { STAFF, PATROL, PARTY_MEMBER, APP, ADMIN }
}
