package org.gridgov.matching.projectlist.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.UUID;

import org.gridgov.contracts.Category;
import org.gridgov.matching.fit.domain.GridDistance;
import org.gridgov.matching.fit.domain.GridPlace;
import org.gridgov.matching.fit.domain.ServiceArea;
import org.gridgov.matching.projectlist.domain.ProjectListSolution.Assignment;
import org.gridgov.matching.projectlist.domain.ProjectListSolution.ShortfallReason;
import org.gridgov.matching.projectlist.domain.ProjectListSolution.UnitShortfall;
import org.gridgov.matching.projectlist.domain.ProjectListSolution.UnmatchedNeed;
import org.gridgov.matching.projectlist.domain.ProjectListSolution.UnmatchedReason;
import org.gridgov.matching.projectlist.solver.OrToolsMinCostFlowSolver;
import org.junit.jupiter.api.Test;

class ProjectListOptimizerTest {

    private static final ProjectListOptimizer OPTIMIZER = new ProjectListOptimizer(new OrToolsMinCostFlowSolver(), new CostModel());

    private final UUID street = UUID.randomUUID();
    private final UUID community = UUID.randomUUID();
    private final UUID gridA = UUID.randomUUID();
    private final UUID gridB = UUID.randomUUID();

    @Test
    void when_capacity_is_short_the_weightier_need_gets_it_and_the_other_is_reported() {
        Need routine = need(Category.HEALTH, gridA, NeedPriority.LOW, 200);
        Need urgent = need(Category.HEALTH, gridA, NeedPriority.URGENT, 1);
        UnitQuota unit = quota(0, 2);

        ProjectListSolution solution = solve(List.of(routine, urgent), List.of(resource(unit, Category.HEALTH, 1, gridA)), unit);

        assertThat(solution.assignments()).extracting(Assignment::needId).containsExactly(urgent.id());
        assertThat(solution.unmatched()).containsExactly(new UnmatchedNeed(routine.id(), UnmatchedReason.CAPACITY_TAKEN, 2_000));
    }

    @Test
    void a_need_nobody_offers_is_unmatched_for_want_of_a_resource() {
        Need donation = need(Category.DONATION, gridA, NeedPriority.NORMAL, 10);
        UnitQuota unit = quota(0, 2);

        ProjectListSolution solution = solve(List.of(donation), List.of(resource(unit, Category.REPAIRS, 5, gridA)), unit);

        assertThat(solution.unmatched()).extracting(UnmatchedNeed::reason).containsExactly(UnmatchedReason.NO_ELIGIBLE_RESOURCE);
    }

    @Test
    void a_resource_serving_another_community_cannot_take_the_need() {
        Need need = need(Category.REPAIRS, gridA, NeedPriority.NORMAL, 10);
        UnitQuota unit = quota(0, 2);
        Resource elsewhere = new Resource(UUID.randomUUID(), unit.unitId(), Category.REPAIRS, 5,
                new ServiceArea(List.of(List.of(street, UUID.randomUUID()))));
        Resource streetWide = new Resource(UUID.randomUUID(), unit.unitId(), Category.REPAIRS, 5,
                new ServiceArea(List.of(List.of(street))));

        assertThat(solve(List.of(need), List.of(elsewhere), unit).assignments()).isEmpty();
        assertThat(solve(List.of(need), List.of(streetWide), unit).assignments()).extracting(Assignment::distance)
                .containsExactly(GridDistance.WIDER);
    }

    @Test
    void a_unit_minimum_is_met_even_when_another_unit_is_nearer() {
        Need need = need(Category.REPAIRS, gridA, NeedPriority.NORMAL, 10);
        UnitQuota near = quota(0, 2);
        UnitQuota obliged = quota(1, 2);

        ProjectListSolution solution = solve(List.of(need), List.of(resource(near, Category.REPAIRS, 1, gridA),
                resource(obliged, Category.REPAIRS, 1, gridB)), near, obliged);

        assertThat(solution.assignments()).extracting(Assignment::unitId).containsExactly(obliged.unitId());
        assertThat(solution.shortfalls()).isEmpty();
    }

    @Test
    void a_unit_maximum_holds_across_its_resources() {
        List<Need> needs = List.of(need(Category.REPAIRS, gridA, NeedPriority.HIGH, 10),
                need(Category.SAFETY, gridA, NeedPriority.HIGH, 10), need(Category.REPAIRS, gridB, NeedPriority.HIGH, 10));
        UnitQuota unit = quota(1, 2);

        ProjectListSolution solution = solve(needs, List.of(resource(unit, Category.REPAIRS, 5, gridA),
                resource(unit, Category.SAFETY, 5, gridA)), unit);

        assertThat(solution.assignments()).hasSize(2);
        assertThat(solution.unmatched()).extracting(UnmatchedNeed::reason).containsExactly(UnmatchedReason.CAPACITY_TAKEN);
    }

    @Test
    void minimums_that_cannot_all_be_met_are_relaxed_as_little_as_possible_and_reported_with_the_reason() {
        Need only = need(Category.CULTURE, gridA, NeedPriority.NORMAL, 10);
        UnitQuota noResources = quota(1, 2);
        UnitQuota wrongCategory = quota(1, 2);
        UnitQuota first = quota(1, 2);
        UnitQuota second = quota(1, 2);

        ProjectListSolution solution = solve(List.of(only), List.of(resource(wrongCategory, Category.REPAIRS, 3, gridA),
                resource(first, Category.CULTURE, 3, gridA), resource(second, Category.CULTURE, 3, gridB)),
                noResources, wrongCategory, first, second);

        assertThat(solution.shortfalls()).extracting(UnitShortfall::unitId, UnitShortfall::reason).containsExactlyInAnyOrder(
                tuple(noResources.unitId(), ShortfallReason.NO_CAPACITY),
                tuple(wrongCategory.unitId(), ShortfallReason.TOO_FEW_ELIGIBLE_NEEDS),
                tuple(second.unitId(), ShortfallReason.NEEDS_TAKEN_BY_OTHER_MINIMUMS));
        long missing = solution.shortfalls().stream().mapToLong(s -> {
            UnitQuota quota = List.of(noResources, wrongCategory, first, second).stream()
                    .filter(q -> q.unitId().equals(s.unitId())).findFirst().orElseThrow();
            return quota.min() - s.assigned();
        }).sum();
        assertThat(missing).as("the only need meets one of four minimums, the nearer unit's").isEqualTo(3);
        assertThat(solution.assignments()).extracting(Assignment::unitId).containsExactly(first.unitId());
        assertThat(solution.shortfallPenalty()).isEqualTo(3 * new CostModel().shortfallPenalty(List.of(only)));
    }

    @Test
    void nothing_to_place_is_an_empty_list_with_only_the_shortfalls() {
        UnitQuota unit = quota(1, 2);

        ProjectListSolution solution = solve(List.of(), List.of(resource(unit, Category.REPAIRS, 1, gridA)), unit);

        assertThat(solution.assignments()).isEmpty();
        assertThat(solution.shortfalls()).extracting(UnitShortfall::reason).containsExactly(ShortfallReason.TOO_FEW_ELIGIBLE_NEEDS);
        assertThat(solution.objective()).isEqualTo(1);
    }

    private ProjectListSolution solve(List<Need> needs, List<Resource> resources, UnitQuota... units) {
        return OPTIMIZER.solve(new ProjectListProblem(needs, resources, List.of(units)));
    }

    private Need need(Category category, UUID grid, NeedPriority priority, int households) {
        return new Need(UUID.randomUUID(), category, GridPlace.of(List.of(street, community), community, grid, null),
                priority, households);
    }

    private Resource resource(UnitQuota unit, Category category, int capacity, UUID grid) {
        return new Resource(UUID.randomUUID(), unit.unitId(), category, capacity,
                new ServiceArea(List.of(List.of(street, community, grid))));
    }

    private static UnitQuota quota(int min, int max) {
        return new UnitQuota(UUID.randomUUID(), min, max);
    }
}
