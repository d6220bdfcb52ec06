package org.gridgov.matching.projectlist.domain;

import java.util.List;
import java.util.UUID;

import org.gridgov.matching.fit.domain.CategoryFit;
import org.gridgov.matching.fit.domain.GridDistance;

/**
 * The optimal project list: which need goes to which unit's resource, the needs left unmatched and
 * why, the units whose minimum could not be met, and the objective (assignment costs + unmatched
 * penalties + shortfall penalties).
 */
public record ProjectListSolution(List<Assignment> assignments, List<UnmatchedNeed> unmatched,
                                  List<UnitShortfall> shortfalls, long assignmentCost, long unmatchedPenalty,
                                  long shortfallPenalty) {

    public ProjectListSolution {
        assignments = List.copyOf(assignments);
        unmatched = List.copyOf(unmatched);
        shortfalls = List.copyOf(shortfalls);
    }

    public long objective() {
        return assignmentCost + unmatchedPenalty + shortfallPenalty;
    }

    public record Assignment(UUID needId, UUID itemId, UUID unitId, CategoryFit fit, GridDistance distance, long cost) {
    }

    public record UnmatchedNeed(UUID needId, UnmatchedReason reason, long penalty) {
    }

    public enum UnmatchedReason {
        /** No unit offers the category (or a related one) in an area that covers the need. */
        NO_ELIGIBLE_RESOURCE,
        /** Resources that could serve it are full with weightier needs, or their units are at their maximum. */
        CAPACITY_TAKEN
    }

    public record UnitShortfall(UUID unitId, int minimum, int assigned, ShortfallReason reason) {
    }

    public enum ShortfallReason {
        /** The unit's resources for the year are fewer than its minimum. */
        NO_CAPACITY,
        /** Fewer needs than its minimum fit what the unit offers. */
        TOO_FEW_ELIGIBLE_NEEDS,
        /** The needs it could take are needed to meet other units' minimums. */
        NEEDS_TAKEN_BY_OTHER_MINIMUMS
    }
}
