package org.gridgov.matching.projectlist.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.gridgov.contracts.Category;
import org.gridgov.matching.fit.domain.CategoryFit;
import org.gridgov.matching.fit.domain.GridDistance;
import org.gridgov.matching.fit.domain.GridPlace;
import org.gridgov.matching.fit.domain.ServiceArea;
import org.gridgov.matching.projectlist.domain.CostModel;
import org.gridgov.matching.projectlist.domain.Need;
import org.gridgov.matching.projectlist.domain.NeedPriority;
import org.gridgov.matching.projectlist.domain.ProjectListOptimizer;
import org.gridgov.matching.projectlist.domain.ProjectListProblem;
import org.gridgov.matching.projectlist.domain.ProjectListSolution;
import org.gridgov.matching.projectlist.domain.ProjectListSolution.ShortfallReason;
import org.gridgov.matching.projectlist.domain.ProjectListSolution.UnmatchedReason;
import org.gridgov.matching.projectlist.domain.Resource;
import org.gridgov.matching.projectlist.domain.UnitQuota;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The optimizer, with the real OR-Tools solver, against brute force: on many small random
 * instances it finds the same objective as trying every assignment, and its list never breaks a
 * capacity or a unit's maximum, and breaks a minimum only when every assignment has to.
 */
class ProjectListOptimumTest {

    private static final CostModel COSTS = new CostModel();
    private static final ProjectListOptimizer OPTIMIZER = new ProjectListOptimizer(new OrToolsMinCostFlowSolver(), COSTS);
    // few categories so that needs compete; REPAIRS and SAFETY are related, DONATION is related to neither
    private static final Category[] CATEGORIES = {Category.REPAIRS, Category.SAFETY, Category.DONATION};

    static LongStream seeds() {
        return LongStream.range(1, 401);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void optimizer_finds_the_brute_force_optimum_without_breaking_capacities_or_quotas(long seed) {
        ProjectListProblem problem = randomProblem(new Random(seed));

        ProjectListSolution solution = OPTIMIZER.solve(problem);

        assertThat(solution.objective()).as("objective, seed %d", seed).isEqualTo(bruteForceOptimum(problem));
        assertThat(recomputedObjective(problem, solution)).as("the reported objective is what the list costs")
                .isEqualTo(solution.objective());
        assertRespectsCapacitiesAndQuotas(problem, solution);
    }

    @Test
    void the_random_instances_exercise_every_case_the_model_has() {
        Set<Object> seen = new HashSet<>();
        seeds().forEach(seed -> {
            ProjectListSolution solution = OPTIMIZER.solve(randomProblem(new Random(seed)));
            solution.assignments().forEach(a -> {
                seen.add(a.fit());
                seen.add(a.distance());
            });
            solution.unmatched().forEach(u -> seen.add(u.reason()));
            solution.shortfalls().forEach(s -> seen.add(s.reason()));
        });

        assertThat(seen).contains(CategoryFit.EXACT, CategoryFit.RELATED, GridDistance.SAME_GRID,
                GridDistance.SAME_COMMUNITY, GridDistance.WIDER, UnmatchedReason.CAPACITY_TAKEN,
                UnmatchedReason.NO_ELIGIBLE_RESOURCE, ShortfallReason.NO_CAPACITY, ShortfallReason.TOO_FEW_ELIGIBLE_NEEDS,
                ShortfallReason.NEEDS_TAKEN_BY_OTHER_MINIMUMS);
    }

    static ProjectListProblem randomProblem(Random random) {
        UUID street = UUID.randomUUID();
        UUID community = UUID.randomUUID();
        UUID otherCommunity = UUID.randomUUID();
        List<List<UUID>> places = new ArrayList<>();
        for (int g = 0; g < 2; g++) {
            places.add(List.of(street, community, UUID.randomUUID()));
        }
        List<UUID> otherGrid = List.of(street, otherCommunity, UUID.randomUUID());
        List<List<UUID>> areas = new ArrayList<>(places);
        areas.add(List.of(street, community));
        areas.add(List.of(street));
        areas.add(otherGrid);

        List<UnitQuota> units = new ArrayList<>();
        int unitCount = 1 + random.nextInt(3);
        for (int u = 0; u < unitCount; u++) {
            int min = random.nextInt(3);
            units.add(new UnitQuota(UUID.randomUUID(), min, min + random.nextInt(3)));
        }
        List<Resource> resources = new ArrayList<>();
        int resourceCount = random.nextInt(5);
        for (int r = 0; r < resourceCount; r++) {
            List<UUID> area = areas.get(random.nextInt(areas.size()));
            resources.add(new Resource(UUID.randomUUID(), units.get(random.nextInt(unitCount)).unitId(),
                    CATEGORIES[random.nextInt(CATEGORIES.length)], random.nextInt(4), new ServiceArea(List.of(area))));
        }
        List<Need> needs = new ArrayList<>();
        int needCount = random.nextInt(7);
        for (int n = 0; n < needCount; n++) {
            List<UUID> grid = places.get(random.nextInt(places.size()));
            needs.add(new Need(UUID.randomUUID(), CATEGORIES[random.nextInt(CATEGORIES.length)],
                    GridPlace.of(grid.subList(0, 2), community, grid.get(2), null),
                    NeedPriority.values()[random.nextInt(NeedPriority.values().length)], 1 + random.nextInt(150)));
        }
        return new ProjectListProblem(needs, resources, units);
    }

    /** Tries every way of giving each need one resource or none. */
    static long bruteForceOptimum(ProjectListProblem problem) {
        return search(problem, 0, new int[problem.resources().size()], new HashMap<>(), 0);
    }

    private static long search(ProjectListProblem problem, int n, int[] used, Map<UUID, Integer> perUnit, long cost) {
        if (n == problem.needs().size()) {
            return cost + shortfall(problem, perUnit) * COSTS.shortfallPenalty(problem.needs());
        }
        Need need = problem.needs().get(n);
        long best = search(problem, n + 1, used, perUnit, cost + COSTS.unmatchedPenalty(need));
        for (int r = 0; r < problem.resources().size(); r++) {
            Resource resource = problem.resources().get(r);
            OptionalLong assignment = COSTS.assignmentCost(need, resource);
            int taken = perUnit.getOrDefault(resource.unitId(), 0);
            if (assignment.isEmpty() || used[r] == resource.capacity() || taken == max(problem, resource.unitId())) {
                continue;
            }
            used[r]++;
            perUnit.put(resource.unitId(), taken + 1);
            best = Math.min(best, search(problem, n + 1, used, perUnit, cost + assignment.getAsLong()));
            perUnit.put(resource.unitId(), taken);
            used[r]--;
        }
        return best;
    }

    private static long shortfall(ProjectListProblem problem, Map<UUID, Integer> perUnit) {
        return problem.units().stream()
                .mapToLong(unit -> Math.max(0, unit.min() - perUnit.getOrDefault(unit.unitId(), 0))).sum();
    }

    private static int max(ProjectListProblem problem, UUID unitId) {
        return problem.units().stream().filter(unit -> unit.unitId().equals(unitId)).findFirst().orElseThrow().max();
    }

    static long recomputedObjective(ProjectListProblem problem, ProjectListSolution solution) {
        Map<UUID, Need> needs = problem.needs().stream().collect(Collectors.toMap(Need::id, need -> need));
        Map<UUID, Resource> resources = problem.resources().stream().collect(Collectors.toMap(Resource::itemId, r -> r));
        long cost = solution.assignments().stream()
                .mapToLong(a -> COSTS.assignmentCost(needs.get(a.needId()), resources.get(a.itemId())).orElseThrow()).sum();
        cost += solution.unmatched().stream().mapToLong(u -> COSTS.unmatchedPenalty(needs.get(u.needId()))).sum();
        Map<UUID, Integer> perUnit = solution.assignments().stream()
                .collect(Collectors.toMap(ProjectListSolution.Assignment::unitId, a -> 1, Integer::sum));
        return cost + shortfall(problem, perUnit) * COSTS.shortfallPenalty(problem.needs());
    }

    static void assertRespectsCapacitiesAndQuotas(ProjectListProblem problem, ProjectListSolution solution) {
        List<UUID> placed = new ArrayList<>();
        solution.assignments().forEach(a -> placed.add(a.needId()));
        solution.unmatched().forEach(u -> placed.add(u.needId()));
        assertThat(placed).as("every need is either assigned once or unmatched")
                .containsExactlyInAnyOrderElementsOf(problem.needs().stream().map(Need::id).toList());

        Map<UUID, Long> perItem = solution.assignments().stream()
                .collect(Collectors.groupingBy(ProjectListSolution.Assignment::itemId, Collectors.counting()));
        for (Resource resource : problem.resources()) {
            assertThat(perItem.getOrDefault(resource.itemId(), 0L)).as("capacity").isLessThanOrEqualTo(resource.capacity());
        }
        Map<UUID, Long> perUnit = solution.assignments().stream()
                .collect(Collectors.groupingBy(ProjectListSolution.Assignment::unitId, Collectors.counting()));
        Map<UUID, ProjectListSolution.UnitShortfall> shortfalls = solution.shortfalls().stream()
                .collect(Collectors.toMap(ProjectListSolution.UnitShortfall::unitId, s -> s));
        for (UnitQuota unit : problem.units()) {
            long assigned = perUnit.getOrDefault(unit.unitId(), 0L);
            assertThat(assigned).as("unit maximum").isLessThanOrEqualTo(unit.max());
            if (assigned < unit.min()) {
                assertThat(shortfalls).as("a minimum not met is reported").containsKey(unit.unitId());
                assertThat(shortfalls.get(unit.unitId()).assigned()).isEqualTo((int) assigned);
            } else {
                assertThat(shortfalls).as("a minimum met is not reported").doesNotContainKey(unit.unitId());
            }
        }
    }
}
