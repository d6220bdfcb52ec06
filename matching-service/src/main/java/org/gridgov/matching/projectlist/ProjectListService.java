package org.gridgov.matching.projectlist;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.gridgov.contracts.EventType;
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
            case COMMUNITY -> outbox.append(EventType.MATCHING_PROJECT_LIST_COMPUTED, list.id().toString(),
                    new ProjectListComputed(list));
            case STREET -> outbox.append(EventType.MATCHING_STREET_PROJECT_LIST_COMPUTED, list.id().toString(),
                    new StreetProjectListComputed(list, loaded));
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

    /** The data of {@code org.gridgov.matching.project-list-computed.v1}: the list in ids, for consumers to act on. */
    record ProjectListComputed(String projectListId, String communityId, int year, int version, long objective,
                               int assignmentCount, int unmatchedCount, List<Assigned> assignments,
                               List<Unmatched> unmatched, List<Shortfall> unitShortfalls, String occurredAt) {

        ProjectListComputed(ProjectList list) {
            this(list.id().toString(), list.communityId().toString(), list.year(), list.version(), list.objective().total(),
                    list.assignments().size(), list.unmatched().size(),
                    list.assignments().stream().map(p -> new Assigned(p.needId().toString(), p.unitId().toString(),
                            p.itemId().toString())).toList(),
                    list.unmatched().stream().map(u -> new Unmatched(u.needId().toString(), u.reason())).toList(),
                    list.unitShortfalls().stream().map(s -> new Shortfall(s.unitId().toString(), s.minimum(), s.assigned(),
                            s.reason())).toList(),
                    list.computedAt().toString());
        }

        record Assigned(String needId, String unitId, String resourceItemId) {
        }

        record Unmatched(String needId, String reason) {
        }

        record Shortfall(String unitId, int minimum, int assigned, String reason) {
        }
    }

    /**
     * The data of {@code org.gridgov.matching.street-project-list-computed.v1}: the list in ids with the
     * communities it covers and each need's community, so a community's consumers find their part.
     */
    record StreetProjectListComputed(String projectListId, String streetId, List<String> communityIds, int year,
                                     int version, long objective, int assignmentCount, int unmatchedCount,
                                     List<Assigned> assignments, List<Unmatched> unmatched,
                                     List<ProjectListComputed.Shortfall> unitShortfalls, String occurredAt) {

        StreetProjectListComputed(ProjectList list, Inputs loaded) {
            this(list.id().toString(), list.streetId().toString(),
                    loaded.communityIds().stream().map(UUID::toString).toList(), list.year(), list.version(),
                    list.objective().total(), list.assignments().size(), list.unmatched().size(),
                    list.assignments().stream().map(p -> new Assigned(p.needId().toString(),
                            communityOf(loaded, p.needId()), p.unitId().toString(), p.itemId().toString())).toList(),
                    list.unmatched().stream().map(u -> new Unmatched(u.needId().toString(),
                            communityOf(loaded, u.needId()), u.reason())).toList(),
                    list.unitShortfalls().stream().map(s -> new ProjectListComputed.Shortfall(s.unitId().toString(),
                            s.minimum(), s.assigned(), s.reason())).toList(),
                    list.computedAt().toString());
        }

        private static String communityOf(Inputs loaded, UUID needId) {
            return loaded.needs().get(needId).communityId().toString();
        }

        record Assigned(String needId, String communityId, String unitId, String resourceItemId) {
        }

        record Unmatched(String needId, String communityId, String reason) {
        }
    }
}
