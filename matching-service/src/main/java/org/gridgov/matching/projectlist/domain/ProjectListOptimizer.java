package org.gridgov.matching.projectlist.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

import org.gridgov.matching.fit.domain.CategoryFit;
import org.gridgov.matching.projectlist.domain.ProjectListSolution.Assignment;
import org.gridgov.matching.projectlist.domain.ProjectListSolution.ShortfallReason;
import org.gridgov.matching.projectlist.domain.ProjectListSolution.UnitShortfall;
import org.gridgov.matching.projectlist.domain.ProjectListSolution.UnmatchedNeed;
import org.gridgov.matching.projectlist.domain.ProjectListSolution.UnmatchedReason;

/**
 * Makes the yearly project list optimal as one min-cost flow.
 *
 * <pre>
 *            cost(n,r), cap 1          cap capacity(r)        cap max(u) − min(u)
 *   need n (+1) ──────────▶ resource r ──────────▶ unit u (−min u) ──────────▶ T (−#needs)
 *        └──────────────── penalty(n), cap 1 (unmatched) ─────────────────────▶ T
 *   S (+Σ min) ── shortfall penalty, cap min(u) ──▶ unit u        S ── 0, cap Σ min ──▶ T
 * </pre>
 *
 * A unit's lower bound is its demand of {@code min(u)}: the arc to the sink keeps only the capacity
 * above the minimum (the standard reduction of lower bounds to node demands). Whatever part of a
 * minimum the needs cannot fill comes from S at the shortfall penalty, so the network is always
 * feasible and a minimum is relaxed only as far as it has to be, and reported.
 */
public record ProjectListOptimizer(MinCostFlowSolver solver, CostModel costs) {

    public ProjectListSolution solve(ProjectListProblem problem) {
        List<Need> needs = problem.needs();
        List<Resource> resources = problem.resources();
        List<UnitQuota> units = problem.units();
        long shortfallPenalty = costs.shortfallPenalty(needs);
        long minimums = units.stream().mapToLong(UnitQuota::min).sum();

        FlowNetwork network = new FlowNetwork();
        int[] needNode = new int[needs.size()];
        for (int n = 0; n < needs.size(); n++) {
            needNode[n] = network.addNode(1);
        }
        int[] resourceNode = new int[resources.size()];
        for (int r = 0; r < resources.size(); r++) {
            resourceNode[r] = network.addNode(0);
        }
        Map<UUID, Integer> unitIndex = new HashMap<>();
        int[] unitNode = new int[units.size()];
        for (int u = 0; u < units.size(); u++) {
            unitNode[u] = network.addNode(-units.get(u).min());
            unitIndex.put(units.get(u).unitId(), u);
        }
        int source = network.addNode(minimums);
        int sink = network.addNode(-needs.size());

        ResourcesByPlace nearby = new ResourcesByPlace(resources);
        List<Candidate> candidates = new ArrayList<>();
        int[] unmatchedArc = new int[needs.size()];
        int[] eligibleNeeds = new int[units.size()];
        for (int n = 0; n < needs.size(); n++) {
            boolean[] countedUnit = new boolean[units.size()];
            for (int r : nearby.near(needs.get(n).place())) {
                OptionalLong cost = costs.assignmentCost(needs.get(n), resources.get(r));
                if (cost.isPresent()) {
                    int arc = network.addArc(needNode[n], resourceNode[r], 1, cost.getAsLong());
                    candidates.add(new Candidate(arc, n, r, cost.getAsLong()));
                    int u = unitIndex.get(resources.get(r).unitId());
                    if (!countedUnit[u]) {
                        countedUnit[u] = true;
                        eligibleNeeds[u]++;
                    }
                }
            }
            unmatchedArc[n] = network.addArc(needNode[n], sink, 1, costs.unmatchedPenalty(needs.get(n)));
        }
        int[] capacityOfUnit = new int[units.size()];
        for (int r = 0; r < resources.size(); r++) {
            int u = unitIndex.get(resources.get(r).unitId());
            capacityOfUnit[u] += resources.get(r).capacity();
            network.addArc(resourceNode[r], unitNode[u], resources.get(r).capacity(), 0);
        }
        int[] shortfallArc = new int[units.size()];
        for (int u = 0; u < units.size(); u++) {
            UnitQuota quota = units.get(u);
            network.addArc(unitNode[u], sink, quota.max() - quota.min(), 0);
            shortfallArc[u] = network.addArc(source, unitNode[u], quota.min(), shortfallPenalty);
        }
        network.addArc(source, sink, minimums, 0);

        long[] flow = solver.solve(network).arcFlows();

        List<Assignment> assignments = new ArrayList<>();
        boolean[] eligible = new boolean[needs.size()];
        int[] assignedToUnit = new int[units.size()];
        long assignmentCost = 0;
        for (Candidate candidate : candidates) {
            eligible[candidate.need()] = true;
            if (flow[candidate.arc()] > 0) {
                Need need = needs.get(candidate.need());
                Resource resource = resources.get(candidate.resource());
                assignments.add(new Assignment(need.id(), resource.itemId(), resource.unitId(),
                        CategoryFit.of(need.category(), resource.category()), resource.area().distanceTo(need.place()),
                        candidate.cost()));
                assignedToUnit[unitIndex.get(resource.unitId())]++;
                assignmentCost += candidate.cost();
            }
        }
        List<UnmatchedNeed> unmatched = new ArrayList<>();
        long unmatchedPenalty = 0;
        for (int n = 0; n < needs.size(); n++) {
            if (flow[unmatchedArc[n]] > 0) {
                long penalty = costs.unmatchedPenalty(needs.get(n));
                unmatched.add(new UnmatchedNeed(needs.get(n).id(),
                        eligible[n] ? UnmatchedReason.CAPACITY_TAKEN : UnmatchedReason.NO_ELIGIBLE_RESOURCE, penalty));
                unmatchedPenalty += penalty;
            }
        }
        List<UnitShortfall> shortfalls = new ArrayList<>();
        long missingProjects = 0;
        for (int u = 0; u < units.size(); u++) {
            long missing = flow[shortfallArc[u]];
            if (missing > 0) {
                UnitQuota quota = units.get(u);
                shortfalls.add(new UnitShortfall(quota.unitId(), quota.min(), assignedToUnit[u],
                        shortfallReason(quota, capacityOfUnit[u], eligibleNeeds[u])));
                missingProjects += missing;
            }
        }
        return new ProjectListSolution(assignments, unmatched, shortfalls, assignmentCost, unmatchedPenalty,
                missingProjects * shortfallPenalty);
    }

    private static ShortfallReason shortfallReason(UnitQuota quota, int capacity, int eligibleNeeds) {
        if (capacity < quota.min()) {
            return ShortfallReason.NO_CAPACITY;
        }
        return eligibleNeeds < quota.min() ? ShortfallReason.TOO_FEW_ELIGIBLE_NEEDS
                : ShortfallReason.NEEDS_TAKEN_BY_OTHER_MINIMUMS;
    }

    private record Candidate(int arc, int need, int resource, long cost) {
    }
}
