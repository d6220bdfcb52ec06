package org.gridgov.fieldwork.operation;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.gridgov.contracts.Category;
import org.gridgov.contracts.events.OperationCalledOut;
import org.gridgov.contracts.events.OperationClosed;
import org.gridgov.contracts.events.OperationOpened;
import org.gridgov.fieldwork.access.FieldAccess;
import org.gridgov.fieldwork.operation.domain.Callee;
import org.gridgov.fieldwork.operation.domain.MemberKind;
import org.gridgov.fieldwork.operation.domain.Operation;
import org.gridgov.fieldwork.operation.domain.OperationTask;
import org.gridgov.fieldwork.operation.domain.OperationKind;
import org.gridgov.fieldwork.operation.domain.RollCall;
import org.gridgov.fieldwork.operation.domain.TaskGroup;
import org.gridgov.fieldwork.operation.persistence.OperationStore;
import org.gridgov.kit.domain.Refusal;
import org.gridgov.kit.jurisdiction.GridNode;
import org.gridgov.kit.jurisdiction.GridTree;
import org.gridgov.kit.outbox.Outbox;
import org.gridgov.kit.security.Caller;
import org.gridgov.kit.security.Role;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Emergency operations (战时攻坚): a community or street admin opens one over their node with task groups, calls out
 * in-service party members (双报到) and member units (by their resource lists) in or near it, assigns tasks to the
 * groups and closes it; the called report in, and the roll call counts them. Each step's event commits with it.
 */
@Service
public record OperationService(OperationStore store, GridTree gridTree, FieldAccess access, Outbox outbox, Clock clock,
                               MeterRegistry meters) {

    private static final Set<String> SCOPES = Set.of("STREET", "COMMUNITY", "GRID", "MICRO_GRID");

    public Mono<Operation> open(UUID scopeNodeId, OperationKind kind, String title, List<TaskGroup> groups, Caller caller) {
        if (!caller.hasAny(Role.COMMUNITY_ADMIN, Role.STREET_ADMIN)) {
            return Mono.error(Refusal.forbidden("Community and street admins open emergency operations."));
        }
        return gridTree.find(scopeNodeId).filter(node -> !node.retired() && SCOPES.contains(node.kind()))
                .switchIfEmpty(Mono.error(() -> Refusal.invalidField("scopeNodeId",
                        "No street, community, grid or micro-grid " + scopeNodeId + ".")))
                .flatMap(node -> access.covers(caller, scopeNodeId).flatMap(covers -> covers ? communityOf(node)
                        : Mono.error(Refusal.forbidden("This node is outside your jurisdiction."))))
                .flatMap(community -> Mono.fromCallable(() -> Operation.open(scopeNodeId, community.orElse(null), kind,
                        title, groups, caller.subject(), now())))
                .flatMap(operation -> requireLeads(operation).then(store.insert(operation))
                        .then(outbox.append(new OperationOpened(operation.id(), scopeNodeId,
                                OperationOpened.Kind.valueOf(operation.kind().name()), operation.title(),
                                operation.taskGroups().stream().map(TaskGroup::name).toList(), operation.openedAt())))
                        .thenReturn(operation));
    }

    /** The community the scope lies in; none for a street. */
    private Mono<Optional<UUID>> communityOf(GridNode node) {
        if ("COMMUNITY".equals(node.kind())) {
            return Mono.just(Optional.of(node.id()));
        }
        return gridTree.ancestorOfKind(node.id(), "COMMUNITY").map(c -> Optional.of(c.id()))
                .defaultIfEmpty(Optional.empty());
    }

    /** A task group's lead is a party member member-service announced. */
    private Mono<Void> requireLeads(Operation operation) {
        List<UUID> leads = operation.taskGroups().stream().map(TaskGroup::leadMemberId).filter(Objects::nonNull)
                .toList();
        if (leads.isEmpty()) {
            return Mono.empty();
        }
        return store.knownMembers(leads).collectList().flatMap(known -> {
            for (int i = 0; i < operation.taskGroups().size(); i++) {
                UUID lead = operation.taskGroups().get(i).leadMemberId();
                if (lead != null && !known.contains(lead)) {
                    return Mono.error(Refusal.invalidField("taskGroups[" + i + "].leadMemberId", "No party member " + lead + "."));
                }
            }
            return Mono.empty();
        });
    }

    /** The operation for those who see it; 404 for anyone else. */
    public Mono<Operation> visible(UUID id, Caller caller) {
        return store.find(id).filterWhen(operation -> sees(operation, caller))
                .switchIfEmpty(Mono.error(() -> Refusal.notFound("operation", id)));
    }

    /** The staff and admins over the scope, the grid staff of the grids in it, and those it called out. */
    private Mono<Boolean> sees(Operation operation, Caller caller) {
        Mono<Boolean> staffInside = caller.has(Role.GRID_STAFF) ? caller.jurisdictionId()
                .map(grid -> access.isWithin(grid, operation.scopeNodeId())).orElse(Mono.just(false)) : Mono.just(false);
        return access.isStaffOver(caller, operation.scopeNodeId())
                .flatMap(over -> over ? Mono.just(true) : staffInside)
                .flatMap(staff -> staff ? Mono.just(true) : calleeOf(operation, caller).hasElement());
    }

    /** The callee the caller speaks for: the party member they are, or else the unit they speak for. */
    private Mono<Callee> calleeOf(Operation operation, Caller caller) {
        Mono<Callee> member = caller.memberId().map(id -> store.callee(operation.id(), Callee.Kind.MEMBER, id))
                .orElse(Mono.empty());
        Mono<Callee> unit = caller.has(Role.UNIT) ? caller.unitId()
                .map(id -> store.callee(operation.id(), Callee.Kind.UNIT, id)).orElse(Mono.empty()) : Mono.empty();
        return member.switchIfEmpty(unit);
    }

    /** The admins over the scope manage it; its other viewers get 403. */
    private Mono<Operation> managed(UUID id, Caller caller) {
        return store.lock(id).filterWhen(operation -> sees(operation, caller))
                .switchIfEmpty(Mono.error(() -> Refusal.notFound("operation", id)))
                .flatMap(operation -> (caller.hasAny(Role.COMMUNITY_ADMIN, Role.STREET_ADMIN)
                        ? access.covers(caller, operation.scopeNodeId()) : Mono.just(false))
                        .flatMap(admin -> admin ? Mono.just(operation) : Mono.error(Refusal.forbidden(
                                "The community and street admins over the operation manage it."))));
    }

    public Flux<Operation> list(UUID node, int limit, Caller caller) {
        if (node == null) {
            return store.calling(caller.memberId().orElse(null), caller.has(Role.UNIT) ? caller.unitId().orElse(null) : null,
                    limit);
        }
        return access.isStaffOver(caller, node).flatMapMany(over -> over ? store.under(node, limit)
                : Flux.error(Refusal.forbidden("This node is outside your jurisdiction.")));
    }

    /** Whom to call out: named units, units offering a category, party members of some kinds, up to a count. */
    public record CallOut(List<UUID> unitIds, List<MemberKind> memberKinds, List<Category> categories, Integer count,
                          String groupName) {
    }

    public record Called(UUID callOutId, String groupName, List<UUID> memberIds, List<UUID> unitIds) {
    }

    public Mono<Called> callOut(UUID id, CallOut request, Caller caller) {
        Instant at = now();
        return managed(id, caller).flatMap(operation -> {
            operation.requireOpen();
            String group = request.groupName() == null ? operation.taskGroups().get(0).name()
                    : operation.group(request.groupName(), "groupName").name();
            int count = request.count() == null ? 50 : request.count();
            boolean unitsAsked = !request.unitIds().isEmpty() || !request.categories().isEmpty();
            List<String> kinds = !request.memberKinds().isEmpty() ? request.memberKinds().stream().map(Enum::name).toList()
                    : unitsAsked ? List.of() : List.of("IN_SERVICE");
            Mono<List<UUID>> members = kinds.isEmpty() ? Mono.just(List.of())
                    : store.memberCandidates(id, operation.scopeNodeId(), operation.communityId(), kinds, count).collectList();
            Mono<List<UUID>> units = namedUnits(id, request.unitIds()).flatMap(named -> request.categories().isEmpty()
                    ? Mono.just(named)
                    : store.unitCandidates(id, operation.scopeNodeId(), operation.communityId(),
                            request.categories().stream().map(Enum::name).toList(), count).collectList()
                            .map(found -> union(named, found)));
            return Mono.zip(members, units).flatMap(chosen -> {
                if (chosen.getT1().isEmpty() && chosen.getT2().isEmpty()) {
                    return Mono.error(Refusal.conflict("NOBODY_TO_CALL",
                            "Nobody in or near the scope is left to call out with these criteria."));
                }
                UUID callOutId = UUID.randomUUID();
                List<Callee> callees = new ArrayList<>();
                chosen.getT1().forEach(m -> callees.add(Callee.called(id, Callee.Kind.MEMBER, m, group, callOutId, at)));
                chosen.getT2().forEach(u -> callees.add(Callee.called(id, Callee.Kind.UNIT, u, group, callOutId, at)));
                return store.insertCallees(callees)
                        .then(outbox.append(new OperationCalledOut(id, callOutId, operation.scopeNodeId(),
                                OperationOpened.Kind.valueOf(operation.kind().name()), operation.title(), group,
                                chosen.getT1(), chosen.getT2(), at)))
                        .thenReturn(new Called(callOutId, group, chosen.getT1(), chosen.getT2()))
                        .doOnSuccess(called -> {
                            meters.counter("gridgov.fieldwork.operation.called.out", "kind", "MEMBER")
                                    .increment(called.memberIds().size());
                            meters.counter("gridgov.fieldwork.operation.called.out", "kind", "UNIT")
                                    .increment(called.unitIds().size());
                        });
            });
        });
    }

    /** Named units must be known and not called out already (400 naming {@code unitIds[i]}). */
    private Mono<List<UUID>> namedUnits(UUID operationId, List<UUID> unitIds) {
        if (unitIds.isEmpty()) {
            return Mono.just(List.of());
        }
        return Mono.zip(store.knownUnits(unitIds).collectList(), store.callees(operationId)
                        .filter(c -> c.kind() == Callee.Kind.UNIT).map(Callee::id).collectList())
                .flatMap(found -> {
                    Set<UUID> seen = new HashSet<>();
                    for (int i = 0; i < unitIds.size(); i++) {
                        UUID unit = unitIds.get(i);
                        if (!found.getT1().contains(unit)) {
                            return Mono.error(Refusal.invalidField("unitIds[" + i + "]", "No member unit " + unit + "."));
                        }
                        if (found.getT2().contains(unit) || !seen.add(unit)) {
                            return Mono.error(Refusal.invalidField("unitIds[" + i + "]",
                                    "The unit is called out to this operation already."));
                        }
                    }
                    return Mono.just(unitIds);
                });
    }

    private static List<UUID> union(List<UUID> first, List<UUID> second) {
        List<UUID> all = new ArrayList<>(first);
        second.stream().filter(id -> !all.contains(id)).forEach(all::add);
        return all;
    }

    /** A called member or unit reports in: on the way, arrived, unavailable. */
    public Mono<Callee> report(UUID id, Callee.Status status, Caller caller) {
        Instant at = now();
        return store.lock(id).filterWhen(operation -> sees(operation, caller))
                .switchIfEmpty(Mono.error(() -> Refusal.notFound("operation", id)))
                .flatMap(operation -> {
                    operation.requireOpen();
                    return calleeOf(operation, caller).switchIfEmpty(Mono.error(() -> Refusal.forbidden(
                            "Only those called out to the operation report in.")));
                })
                .map(callee -> callee.report(status, at))
                .flatMap(reported -> store.report(reported).thenReturn(reported));
    }

    public Mono<OperationTask> assign(UUID id, String groupName, String text, Caller caller) {
        Instant at = now();
        return managed(id, caller).flatMap(operation -> {
            operation.requireOpen();
            String group = operation.group(groupName, "groupName").name();
            if (text == null || text.isBlank()) {
                return Mono.error(Refusal.invalidField("text", "Say what the group is to do."));
            }
            OperationTask task = new OperationTask(UUID.randomUUID(), id, group, text.strip(), caller.subject(), at);
            return store.insertTask(task).thenReturn(task);
        });
    }

    public Flux<OperationTask> tasks(UUID id) {
        return store.tasks(id);
    }

    public Mono<RollCall> rollCall(UUID id, Caller caller) {
        return visible(id, caller).flatMap(operation -> store.callees(id).collectList()
                .map(callees -> RollCall.of(operation, callees)));
    }

    /** Closing credits each member who arrived their hours, once: the operation closes once (409 after). */
    public Mono<OperationClosed> close(UUID id, Caller caller) {
        Instant at = now();
        return managed(id, caller).flatMap(operation -> {
            Operation closed = operation.close(at);
            return store.callees(id).filter(c -> c.kind() == Callee.Kind.MEMBER && c.arrivedAt() != null)
                    .map(c -> new OperationClosed.Credit(c.id(), Operation.hoursServed(c.arrivedAt(), at)))
                    .collectList()
                    .map(credits -> new OperationClosed(id, closed.scopeNodeId(),
                            OperationOpened.Kind.valueOf(closed.kind().name()), closed.title(), credits, caller.subject(), at))
                    .flatMap(event -> store.close(closed).then(outbox.append(event)).thenReturn(event));
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
