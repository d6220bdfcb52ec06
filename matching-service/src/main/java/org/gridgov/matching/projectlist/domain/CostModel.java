package org.gridgov.matching.projectlist.domain;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.gridgov.matching.fit.domain.CategoryFit;
import org.gridgov.matching.fit.domain.GridDistance;

/**
 * The costs the project list minimises, in whole points.
 * <ul>
 * <li>Assigning a need to a resource costs 300 for a related rather than the same category, plus a
 * distance step (0 same micro-grid, 50 same grid, 150 same community, 250 a street- or district-wide
 * area) times the need's priority weight (1 LOW … 4 URGENT): the more pressing the need, the more a
 * near resource is worth. A resource of an unrelated category, or serving another community, cannot
 * take the need.</li>
 * <li>Leaving a need unmatched costs 1,000 × priority weight + 10 × households affected (at most 100
 * counted): always more than any assignment of it, so a need stays unmatched only for lack of
 * capacity, and the weightiest needs are served first.</li>
 * <li>Each project missing from a unit's minimum costs more than all needs' penalties together, so
 * a minimum is broken only when no assignment can meet it.</li>
 * </ul>
 */
public final class CostModel {

    static final long RELATED_CATEGORY = 300;
    static final long UNMATCHED_PER_PRIORITY = 1_000;
    static final long UNMATCHED_PER_HOUSEHOLD = 10;
    static final int HOUSEHOLDS_COUNTED = 100;
    private static final Map<GridDistance, Long> DISTANCE_STEP = Map.of(GridDistance.SAME_MICRO_GRID, 0L,
            GridDistance.SAME_GRID, 50L, GridDistance.SAME_COMMUNITY, 150L, GridDistance.WIDER, 250L);

    /** The cost of serving the need with the resource, or empty when the resource cannot serve it. */
    public OptionalLong assignmentCost(Need need, Resource resource) {
        CategoryFit fit = CategoryFit.of(need.category(), resource.category());
        GridDistance distance = resource.area().distanceTo(need.place());
        if (fit == CategoryFit.NONE || distance == GridDistance.OUTSIDE) {
            return OptionalLong.empty();
        }
        long categoryCost = fit == CategoryFit.EXACT ? 0 : RELATED_CATEGORY;
        return OptionalLong.of(categoryCost + DISTANCE_STEP.get(distance) * need.priority().weight());
    }

    public long unmatchedPenalty(Need need) {
        return UNMATCHED_PER_PRIORITY * need.priority().weight()
                + UNMATCHED_PER_HOUSEHOLD * Math.min(need.householdsAffected(), HOUSEHOLDS_COUNTED);
    }

    /** The cost of one project missing from a unit's minimum: more than leaving every need unmatched. */
    public long shortfallPenalty(List<Need> needs) {
        return 1 + needs.stream().mapToLong(this::unmatchedPenalty).sum();
    }
}
