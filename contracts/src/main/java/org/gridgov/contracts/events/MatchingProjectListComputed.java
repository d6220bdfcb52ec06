package org.gridgov.contracts.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code org.gridgov.matching.project-list-computed.v1}: Project list computed. The optimal yearly project
 * list (needs × unit capacities) of a community was computed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MatchingProjectListComputed(UUID projectListId, UUID communityId, int year,
                                          int version, BigDecimal objective, int assignmentCount,
                                          int unmatchedCount, @Nullable List<Assignment> assignments,
                                          @Nullable List<Unmatched> unmatched,
                                          @Nullable List<UnitShortfall> unitShortfalls,
                                          Instant occurredAt) implements Event {

    public record Assignment(UUID needId, UUID unitId, UUID resourceItemId) {
    }

    public record Unmatched(UUID needId, String reason) {
    }

    public record UnitShortfall(UUID unitId, int minimum, int assigned, String reason) {
    }
}
