package org.gridgov.grid.importing.persistence;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import org.gridgov.contracts.events.Event;
import org.gridgov.grid.household.domain.Household;
import org.gridgov.grid.household.messaging.HouseholdEvents;
import org.gridgov.grid.household.persistence.HouseholdStore;
import org.gridgov.grid.importing.domain.ImportPlan;
import org.gridgov.grid.staff.messaging.StaffEvents;
import org.gridgov.grid.staff.persistence.StaffAssignmentStore;
import org.gridgov.grid.tree.messaging.NodeEvents;
import org.gridgov.grid.tree.persistence.GridNodeStore;
import org.gridgov.kit.outbox.Outbox;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Writes an import plan and its events; call it inside the import's transaction. */
@Component
public record ImportPlanStore(DatabaseClient db, GridNodeStore nodes, HouseholdStore households,
                              StaffAssignmentStore staff, Outbox outbox, Clock clock) {

    /** One import at a time in the whole district: two imports could otherwise both create the same new street. */
    private static final long IMPORT_LOCK = 0x6772_6964_696d_7001L;
    private static final int CHUNK = 2000;

    /** Waits until no other import runs; released when the transaction ends. */
    public Mono<Void> lock() {
        return db.sql("select pg_advisory_xact_lock(:key)").bind("key", IMPORT_LOCK).map(row -> true).first().then();
    }

    /** @param progress told the number of rows written so far, after each chunk */
    public Mono<Void> apply(ImportPlan plan, IntFunction<Mono<Void>> progress) {
        Instant now = clock.instant();
        AtomicInteger written = new AtomicInteger();
        Mono<Void> tree = nodes.insertAll(plan.createdNodes(), now)
                .thenMany(Flux.fromIterable(plan.updatedNodes()).concatMap(node -> nodes.update(node, now)))
                .then(Mono.defer(() -> progress.apply(written.addAndGet(plan.createdNodes().size() + plan.updatedNodes().size()))));
        Mono<Void> registered = chunks(plan.registered()).concatMap(chunk -> households.insertAll(chunk, now)
                .then(Mono.defer(() -> progress.apply(written.addAndGet(chunk.size()))))).then();
        Mono<Void> moved = chunks(plan.moved()).concatMap(chunk -> households.placeAll(chunk, now)
                .then(Mono.defer(() -> progress.apply(written.addAndGet(chunk.size()))))).then();
        // the old holder's term ends before the new one's starts: one holder per role at any time
        Mono<Void> roles = staff.endAll(plan.ended(), now).then(staff.startAll(plan.started(), now)).then();
        return tree.then(registered).then(moved).then(roles).then(outbox.appendAll(events(plan, now)).then());
    }

    private static List<Event> events(ImportPlan plan, Instant now) {
        List<Event> events = new ArrayList<>();
        plan.createdNodes().forEach(node -> events.add(NodeEvents.nodeCreated(node, now)));
        plan.updatedNodes().forEach(node -> events.add(NodeEvents.nodeUpdated(node, now)));
        plan.registered().forEach(household -> events.add(HouseholdEvents.householdRegistered(household, now)));
        plan.moved().forEach(household -> events.add(HouseholdEvents.householdMoved(household, now)));
        plan.ended().forEach(holder -> events.add(StaffEvents.staffUnassigned(holder, now)));
        plan.started().forEach(holder -> events.add(StaffEvents.staffAssigned(holder, now)));
        return events;
    }

    private static Flux<List<Household>> chunks(List<Household> rows) {
        return Flux.fromIterable(rows).buffer(CHUNK);
    }
}
