package org.gridgov.matching.projectlist;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.gridgov.contracts.events.MatchingProjectListComputed;
import org.gridgov.contracts.events.MatchingStreetProjectListComputed;
import org.gridgov.kit.outbox.Outbox;
import org.gridgov.matching.projectlist.ProjectList.Project;
import org.gridgov.matching.projectlist.ProjectList.UnitShortfall;
import org.gridgov.matching.projectlist.ProjectList.UnmatchedNeed;
import org.gridgov.matching.projectlist.domain.CostModel;
import org.gridgov.matching.projectlist.domain.ProjectListOptimizer;
import org.gridgov.matching.projectlist.domain.ProjectListSolution;
import org.gridgov.matching.projectlist.persistence.ProjectListInputs;
import org.gridgov.matching.projectlist.persistence.ProjectListInputs.Inputs;
import org.gridgov.matching.projectlist.persistence.ProjectListInputs.NeedFacts;
import org.gridgov.matching.projectlist.persistence.ProjectListStore;
import org.gridgov.matching.projectlist.solver.OrToolsMinCostFlowSolver;
import org.gridgov.matching.readmodel.CommunityUnits.Item;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Computes a new version of a community's or a street's yearly project list, keeps it and publishes it,
 * in the caller's transaction.
 */
@Service
public class ProjectListService {

    private final ProjectListInputs inputs;
    private final ProjectListStore store;
    private final Outbox outbox;
    private final Clock clock;
    private final ProjectListOptimizer optimizer = new ProjectListOptimizer(new OrToolsMinCostFlowSolver(), new CostModel());

    ProjectListService(ProjectListInputs inputs, ProjectListStore store, Outbox outbox, Clock clock) {
        this.inputs = inputs;
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Mono<ProjectList> compute(ProjectList.Area area, int year, ProjectList.UnitQuota quota, String computedBy) {
        return inputs.load(area, year, quota.min(), quota.max())
                .flatMap(loaded -> Mono.fromCallable(() -> solve(loaded))
                        // the solver is CPU work in native code: keep it off the event loop
                        .subscribeOn(Schedulers.boundedElastic())
                        .zipWith(store.nextVersion(area, year))
                        .map(solved -> projectList(area, year, quota, computedBy, loaded, solved.getT1(),
                                solved.getT2()))
                        .flatMap(list -> store.save(list).then(publish(list, loaded)).thenReturn(list)));
    }

    private Mono<UUID> publish(ProjectList list, Inputs loaded) {
        return switch (list.area().kind()) {
            case COMMUNITY -> outbox.append(communityListComputed(list));
            case STREET -> outbox.append(streetListComputed(list, loaded));
        };
    }

    private record Solved(ProjectListSolution solution, long millis) {
    }

    private Solved solve(Inputs loaded) {
        long started = System.nanoTime();
        ProjectListSolution solution = optimizer.solve(loaded.problem());
        return new Solved(solution, (System.nanoTime() - started) / 1_000_000);
    }

    private ProjectList projectList(ProjectList.Area area, int year, ProjectList.UnitQuota quota, String computedBy,
                                    Inputs loaded, Solved solved, int version) {
        ProjectListSolution solution = solved.solution();
        List<Project> projects = solution.assignments().stream().map(assignment -> {
            NeedFacts need = loaded.needs().get(assignment.needId());
            Item item = loaded.items().get(assignment.itemId());
            return new Project(need.id(), need.title(), need.category().name(), need.priority().name(),
                    assignment.unitId(), loaded.unitNames().get(assignment.unitId()), item.itemId(), item.title(),
                    item.category().name(), assignment.fit().name(), assignment.distance().name(), assignment.cost());
        }).toList();
        List<UnmatchedNeed> unmatched = solution.unmatched().stream().map(left -> {
            NeedFacts need = loaded.needs().get(left.needId());
            return new UnmatchedNeed(need.id(), need.title(), need.category().name(), need.priority().name(),
                    left.reason().name(), left.penalty());
        }).toList();
        List<UnitShortfall> shortfalls = solution.shortfalls().stream().map(shortfall -> new UnitShortfall(
                shortfall.unitId(), loaded.unitNames().get(shortfall.unitId()), shortfall.minimum(), shortfall.assigned(),
                shortfall.reason().name())).toList();
        boolean community = area.kind() == ProjectList.AreaKind.COMMUNITY;
        return new ProjectList(UUID.randomUUID(), community ? area.id() : null, community ? null : area.id(), year,
                version, clock.instant(), computedBy, quota,
                loaded.problem().needs().size(), loaded.problem().units().size(),
                new ProjectList.Objective(solution.objective(), solution.assignmentCost(), solution.unmatchedPenalty(),
                        solution.shortfallPenalty()),
                solved.millis(), projects, unmatched, shortfalls);
    }

    /** The list in ids, for consumers to act on. */
    private static MatchingProjectListComputed communityListComputed(ProjectList list) {
        return new MatchingProjectListComputed(list.id(), list.communityId(), list.year(), list.version(),
                BigDecimal.valueOf(list.objective().total()), list.assignments().size(), list.unmatched().size(),
                list.assignments().stream().map(project -> new MatchingProjectListComputed.Assignment(project.needId(),
                        project.unitId(), project.itemId())).toList(),
                list.unmatched().stream().map(need -> new MatchingProjectListComputed.Unmatched(need.needId(),
                        need.reason())).toList(),
                list.unitShortfalls().stream().map(shortfall -> new MatchingProjectListComputed.UnitShortfall(
                        shortfall.unitId(), shortfall.minimum(), shortfall.assigned(), shortfall.reason())).toList(),
                list.computedAt());
    }

    /**
     * The list in ids with the communities it covers and each need's community, so a community's consumers
     * find their part.
     */
    private static MatchingStreetProjectListComputed streetListComputed(ProjectList list, Inputs loaded) {
        return new MatchingStreetProjectListComputed(list.id(), list.streetId(), loaded.communityIds(), list.year(),
                list.version(), BigDecimal.valueOf(list.objective().total()), list.assignments().size(),
                list.unmatched().size(),
                list.assignments().stream().map(project -> new MatchingStreetProjectListComputed.Assignment(
                        project.needId(), communityOf(loaded, project.needId()), project.unitId(), project.itemId()))
                        .toList(),
                list.unmatched().stream().map(need -> new MatchingStreetProjectListComputed.Unmatched(need.needId(),
                        communityOf(loaded, need.needId()), need.reason())).toList(),
                list.unitShortfalls().stream().map(shortfall -> new MatchingStreetProjectListComputed.UnitShortfall(
                        shortfall.unitId(), shortfall.minimum(), shortfall.assigned(), shortfall.reason())).toList(),
                list.computedAt());
    }

    private static UUID communityOf(Inputs loaded, UUID needId) {
        return loaded.needs().get(needId).communityId();
    }
}
