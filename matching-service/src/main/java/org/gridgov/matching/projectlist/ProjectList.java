package org.gridgov.matching.projectlist;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A version of a community's or a street's yearly project list (项目清单) as it was computed: the
 * assignments of needs to units' resources, the needs left unmatched and why, the units whose minimum
 * could not be met, and the objective the solver minimised. Exactly one of {@code communityId} and
 * {@code streetId} is set: the area the list was computed for.
 */
public record ProjectList(UUID id, UUID communityId, UUID streetId, int year, int version, Instant computedAt,
                          String computedBy, UnitQuota unitQuota, int needCount, int unitCount, Objective objective, long solveMillis,
                          List<Project> assignments, List<UnmatchedNeed> unmatched, List<UnitShortfall> unitShortfalls) {

    public ProjectList {
        if ((communityId == null) == (streetId == null)) {
            throw new IllegalArgumentException("a project list is of a community or of a street");
        }
    }

    public static ProjectList.Area areaOf(UUID communityId, UUID streetId) {
        return communityId != null ? new Area(AreaKind.COMMUNITY, communityId) : new Area(AreaKind.STREET, streetId);
    }

    /** The grid-tree node the list is of. */
    public Area area() {
        return areaOf(communityId, streetId);
    }

    public enum AreaKind {
        /** the needs and Grand Party Committee units of one community */
        COMMUNITY,
        /** the needs and units of all the street's communities in one list: one min/max per unit over the street */
        STREET
    }

    public record Area(AreaKind kind, UUID id) {
    }

    public record UnitQuota(int min, int max) {
    }

    public record Objective(long total, long assignmentCost, long unmatchedPenalty, long shortfallPenalty) {
    }

    public record Project(UUID needId, String needTitle, String needCategory, String needPriority, UUID unitId,
                          String unitName, UUID itemId, String itemTitle, String itemCategory, String categoryFit,
                          String distance, long cost) {
    }

    public record UnmatchedNeed(UUID needId, String needTitle, String needCategory, String needPriority, String reason,
                                long penalty) {
    }

    public record UnitShortfall(UUID unitId, String unitName, int minimum, int assigned, String reason) {
    }

    /** A version in the list of versions: what it is without its rows. */
    public record Summary(UUID id, int version, Instant computedAt, String computedBy, long objective, int assignmentCount,
                          int unmatchedCount, int unitShortfallCount) {
    }
}
