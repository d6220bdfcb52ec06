package org.gridgov.fieldwork.operation.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.gridgov.contracts.Category;
import org.gridgov.contracts.events.OperationClosed;
import org.gridgov.fieldwork.operation.OperationService;
import org.gridgov.fieldwork.operation.domain.Callee;
import org.gridgov.fieldwork.operation.domain.MemberKind;
import org.gridgov.fieldwork.operation.domain.Operation;
import org.gridgov.fieldwork.operation.domain.OperationTask;
import org.gridgov.fieldwork.operation.domain.OperationKind;
import org.gridgov.fieldwork.operation.domain.RollCall;
import org.gridgov.fieldwork.operation.domain.TaskGroup;
import org.gridgov.kit.data.Idempotency;
import org.gridgov.kit.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Emergency operations (战时攻坚): opened, calling out members and units, reports in, tasks, roll call, close. */
@RestController
@RequestMapping(path = "/api/operations", produces = "application/json")
record OperationController(OperationService service, Idempotency idempotency) {

    record OperationView(UUID id, UUID scopeNodeId, UUID communityId, OperationKind kind, String title,
                         List<TaskGroup> taskGroups, Operation.Status status, String openedBy, Instant openedAt,
                         Instant closedAt, List<OperationTask> tasks) {

        static OperationView of(Operation o, List<OperationTask> tasks) {
            return new OperationView(o.id(), o.scopeNodeId(), o.communityId(), o.kind(), o.title(), o.taskGroups(),
                    o.status(), o.openedBy(), o.openedAt(), o.closedAt(), tasks);
        }
    }

    record TaskGroupRequest(@NotBlank @Size(max = 100) String name, UUID leadMemberId) {
    }

    record OpenOperation(@NotNull UUID scopeNodeId, @NotNull OperationKind kind, @NotBlank @Size(max = 200) String title,
                       @NotNull @Size(min = 1, max = 20) List<@NotNull @Valid TaskGroupRequest> taskGroups) {
    }

    @PostMapping
    Mono<ResponseEntity<OperationView>> openOperation(@Valid @RequestBody OpenOperation request,
                                                      @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                                      @AuthenticationPrincipal Caller caller) {
        return idempotency.created(key, caller, "POST /api/operations " + request, OperationView.class,
                () -> service.open(request.scopeNodeId(), request.kind(), request.title(), request.taskGroups().stream()
                                .map(g -> new TaskGroup(g.name(), g.leadMemberId())).toList(), caller)
                        .map(o -> OperationView.of(o, List.of())),
                view -> "/api/operations/" + view.id());
    }

    @GetMapping("/{id}")
    Mono<OperationView> findOperation(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        return service.visible(id, caller).flatMap(o -> service.tasks(id).collectList().map(tasks -> OperationView.of(o, tasks)));
    }

    /** Operations over a node or below it (its staff and admins); without one, those that called the caller out. */
    @GetMapping
    Mono<List<OperationView>> listOperations(@RequestParam(required = false) UUID node,
                                             @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
                                             @AuthenticationPrincipal Caller caller) {
        return service.list(node, limit, caller).map(o -> OperationView.of(o, null)).collectList();
    }

    record CallOutRequest(@Size(max = 100) List<@NotNull UUID> unitIds, @Size(max = 5) List<@NotNull MemberKind> memberKinds,
                          @Size(max = 13) List<@NotNull Category> categories, @Min(1) @Max(500) Integer count,
                          @Size(max = 100) String groupName) {
    }

    record CalledView(UUID callOutId, UUID operationId, String groupName, List<UUID> memberIds, List<UUID> unitIds) {
    }

    /** Calls out party members (in-service ones who reported in, unless other kinds are asked) and member units. */
    @PostMapping("/{id}/call-outs")
    Mono<ResponseEntity<CalledView>> callOut(@PathVariable UUID id, @Valid @RequestBody CallOutRequest request,
                                             @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                             @AuthenticationPrincipal Caller caller) {
        return idempotency.once(key, caller, "POST /api/operations/" + id + "/call-outs " + request, CalledView.class,
                () -> service.callOut(id, new OperationService.CallOut(orEmpty(request.unitIds()),
                                orEmpty(request.memberKinds()), orEmpty(request.categories()), request.count(),
                                request.groupName()), caller)
                        .map(called -> ResponseEntity.status(201).body(new CalledView(called.callOutId(), id,
                                called.groupName(), called.memberIds(), called.unitIds()))));
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    record OperationReport(@NotNull Callee.Status status) {
    }

    /** A called member or unit reports in: ON_THE_WAY, ARRIVED or UNAVAILABLE. */
    @PostMapping("/{id}/reports")
    Mono<ResponseEntity<Callee>> reportIn(@PathVariable UUID id, @Valid @RequestBody OperationReport request,
                                          @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                          @AuthenticationPrincipal Caller caller) {
        return idempotency.ok(key, caller, "POST /api/operations/" + id + "/reports " + request, Callee.class,
                () -> service.report(id, request.status(), caller));
    }

    record TaskRequest(@NotBlank @Size(max = 100) String groupName, @NotBlank @Size(max = 2000) String text) {
    }

    @PostMapping("/{id}/tasks")
    Mono<ResponseEntity<OperationTask>> assignTask(@PathVariable UUID id, @Valid @RequestBody TaskRequest request,
                                                         @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                                         @AuthenticationPrincipal Caller caller) {
        return idempotency.once(key, caller, "POST /api/operations/" + id + "/tasks " + request, OperationTask.class,
                () -> service.assign(id, request.groupName(), request.text(), caller)
                        .map(task -> ResponseEntity.status(201).body(task)));
    }

    /** Called, acknowledged (on the way or arrived), arrived and unavailable, in all and per task group. */
    @GetMapping("/{id}/roll-call")
    Mono<RollCall> rollCall(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        return service.rollCall(id, caller);
    }

    record ClosedView(UUID operationId, Instant closedAt, List<OperationClosed.Credit> credits) {
    }

    /** Closes the operation, crediting each member who arrived their hours (member-service records them once). */
    @PostMapping("/{id}/close")
    Mono<ResponseEntity<ClosedView>> closeOperation(@PathVariable UUID id,
                                                    @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                                    @AuthenticationPrincipal Caller caller) {
        return idempotency.ok(key, caller, "POST /api/operations/" + id + "/close", ClosedView.class,
                () -> service.close(id, caller).map(closed -> new ClosedView(id, closed.occurredAt(),
                        closed.credits())));
    }
}
