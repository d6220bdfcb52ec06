package org.gridgov.matching.projectlist.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

import org.gridgov.contracts.Category;
import org.gridgov.matching.fit.domain.CategoryFit;
import org.gridgov.matching.projectlist.domain.CostModel;
import org.gridgov.matching.projectlist.domain.MinCostFlowSolver;
import org.gridgov.matching.projectlist.domain.Need;
import org.gridgov.matching.projectlist.domain.ProjectListOptimizer;
import org.gridgov.matching.projectlist.domain.ProjectListProblem;
import org.gridgov.matching.projectlist.domain.ProjectListSolution;
import org.gridgov.matching.projectlist.domain.Resource;
import org.gridgov.matching.projectlist.domain.UnitQuota;
import org.junit.jupiter.api.Test;

/**
 * District scale (10,000 needs × 3,000 units): how long the optimal project list takes, and what it
 * buys over a greedy baseline measured in the same run. Run with {@code mvn -Pbench verify}.
 */
class ProjectListBench {

    private static final CostModel COSTS = new CostModel();

    @Test
    void district_scale_project_list_against_greedy() throws IOException {
        ProjectListProblem problem = District.instance(10_000, 3_000, 2026);
        OrToolsMinCostFlowSolver orTools = new OrToolsMinCostFlowSolver();
        long[] solverNanos = new long[1];
        int[] networkSize = new int[2];
        // times the library's part apart from building the network
        MinCostFlowSolver timed = network -> {
            long begun = System.nanoTime();
            MinCostFlowSolver.Flow flow = orTools.solve(network);
            solverNanos[0] = System.nanoTime() - begun;
            networkSize[0] = network.nodeCount();
            networkSize[1] = network.arcs().size();
            return flow;
        };
        ProjectListOptimizer optimizer = new ProjectListOptimizer(timed, COSTS);
        optimizer.solve(District.instance(1_000, 300, 1));   // warm up the JIT and the native library

        List<Long> optimalMillis = new ArrayList<>();
        List<Long> libraryMillis = new ArrayList<>();
        ProjectListSolution optimal = null;
        for (int run = 0; run < 3; run++) {
            long started = System.nanoTime();
            optimal = optimizer.solve(problem);
            optimalMillis.add((System.nanoTime() - started) / 1_000_000);
            libraryMillis.add(solverNanos[0] / 1_000_000);
        }
        long started = System.nanoTime();
        Outcome greedy = greedy(problem);
        long greedyMillis = (System.nanoTime() - started) / 1_000_000;

        ProjectListOptimumTest.assertRespectsCapacitiesAndQuotas(problem, optimal);
        assertThat(ProjectListOptimumTest.recomputedObjective(problem, optimal)).isEqualTo(optimal.objective());
        assertThat(optimal.objective()).isLessThanOrEqualTo(greedy.objective());

        long missing = optimal.shortfalls().stream().mapToLong(s -> s.minimum() - s.assigned()).sum();
        String report = String.join("\n",
                "== project list at district scale: " + problem.needs().size() + " needs, " + problem.units().size()
                        + " units, " + problem.resources().size() + " resources (seed 2026) ==",
                "min-cost flow network: " + networkSize[0] + " nodes, " + networkSize[1] + " arcs",
                row("", "optimal (OR-Tools)", "greedy"),
                row("time (ms), 3 runs", "median " + median(optimalMillis) + " " + optimalMillis, String.valueOf(greedyMillis)),
                row("  of which OR-Tools solve", "median " + median(libraryMillis) + " " + libraryMillis, ""),
                row("needs matched", String.valueOf(optimal.assignments().size()), String.valueOf(greedy.matched())),
                row("assignment cost", String.valueOf(optimal.assignmentCost()), String.valueOf(greedy.assignmentCost())),
                row("unmatched penalty", String.valueOf(optimal.unmatchedPenalty()), String.valueOf(greedy.unmatchedPenalty())),
                row("cost (assign+unmatched)", String.valueOf(optimal.assignmentCost() + optimal.unmatchedPenalty()),
                        String.valueOf(greedy.assignmentCost() + greedy.unmatchedPenalty())),
                row("units below minimum", optimal.shortfalls().size() + " (" + missing + " projects)",
                        greedy.unitsBelowMinimum() + " (" + greedy.missingProjects() + " projects)"),
                row("objective", String.valueOf(optimal.objective()), String.valueOf(greedy.objective())));
        System.out.println("\n" + report + "\n");
        Path out = Path.of("target", "bench", "project-list.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report + "\n");
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    private static String row(String what, String optimal, String greedy) {
        return String.format(Locale.ROOT, "%-26s %-30s %s", what, optimal, greedy);
    }

    private record Outcome(int matched, long assignmentCost, long unmatchedPenalty, int unitsBelowMinimum,
                           long missingProjects, long objective) {
    }

    /**
     * The baseline a clerk with a spreadsheet would follow: weightiest need first, each to the cheapest
     * resource that still has capacity under a unit still below its maximum. Blind to minimums.
     */
    private static Outcome greedy(ProjectListProblem problem) {
        // only resources of a fitting category can take a need: look at those alone
        Map<Category, List<Integer>> fitting = new EnumMap<>(Category.class);
        for (Category wanted : Category.values()) {
            for (int r = 0; r < problem.resources().size(); r++) {
                if (CategoryFit.of(wanted, problem.resources().get(r).category()) != CategoryFit.NONE) {
                    fitting.computeIfAbsent(wanted, k -> new ArrayList<>()).add(r);
                }
            }
        }
        Map<UUID, Integer> max = new HashMap<>();
        problem.units().forEach(unit -> max.put(unit.unitId(), unit.max()));
        int[] used = new int[problem.resources().size()];
        Map<UUID, Integer> perUnit = new HashMap<>();
        List<Need> order = problem.needs().stream()
                .sorted(Comparator.comparingLong(COSTS::unmatchedPenalty).reversed()).toList();
        int matched = 0;
        long assignmentCost = 0;
        long unmatchedPenalty = 0;
        for (Need need : order) {
            int best = -1;
            long bestCost = Long.MAX_VALUE;
            for (int r : fitting.getOrDefault(need.category(), List.of())) {
                Resource resource = problem.resources().get(r);
                if (used[r] == resource.capacity() || perUnit.getOrDefault(resource.unitId(), 0) == max.get(resource.unitId())) {
                    continue;
                }
                OptionalLong cost = COSTS.assignmentCost(need, resource);
                if (cost.isPresent() && cost.getAsLong() < bestCost) {
                    best = r;
                    bestCost = cost.getAsLong();
                }
            }
            if (best < 0) {
                unmatchedPenalty += COSTS.unmatchedPenalty(need);
            } else {
                used[best]++;
                perUnit.merge(problem.resources().get(best).unitId(), 1, Integer::sum);
                matched++;
                assignmentCost += bestCost;
            }
        }
        int below = 0;
        long missing = 0;
        for (UnitQuota unit : problem.units()) {
            int missingHere = unit.min() - perUnit.getOrDefault(unit.unitId(), 0);
            if (missingHere > 0) {
                below++;
                missing += missingHere;
            }
        }
        long objective = assignmentCost + unmatchedPenalty + missing * COSTS.shortfallPenalty(problem.needs());
        return new Outcome(matched, assignmentCost, unmatchedPenalty, below, missing, objective);
    }
}
