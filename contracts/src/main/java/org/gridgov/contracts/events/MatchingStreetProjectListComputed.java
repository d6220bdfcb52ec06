package org.gridgov.contracts.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code org.gridgov.matching.street-project-list-computed.v1}: Street project list computed. The optimal
 * yearly project list (needs × unit capacities) of a street — the needs and units of all its communities in
 * one list — was computed. A community's list is org.gridgov.matching.project-list-computed.v1.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MatchingStreetProjectListComputed(UUID projectListId, UUID streetId,
                                                List<UUID> communityIds, int year, int version,
                                                BigDecimal objective, int assignmentCount,
                                                int unmatchedCount,
                                                @Nullable List<Assignment> assignments,
                                                @Nullable List<Unmatched> unmatched,
                                                @Nullable List<UnitShortfall> unitShortfalls,
                                                Instant occurredAt) implements Event {

    public record Assignment(UUID needId, UUID communityId, UUID unitId, UUID resourceItemId) {
    }

    public record Unmatched(UUID needId, UUID communityId, String reason) {
    }

    public record UnitShortfall(UUID unitId, int minimum, int assigned, String reason) {
    }
}
