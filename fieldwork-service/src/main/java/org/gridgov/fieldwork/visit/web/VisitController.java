package org.gridgov.fieldwork.visit.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.gridgov.fieldwork.visit.VisitService;
import org.gridgov.fieldwork.visit.domain.Coverage;
import org.gridgov.fieldwork.visit.domain.Visit;
import org.gridgov.kit.data.Idempotency;
import org.gridgov.kit.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Visits to households (走访), the work log (工作日志) and the coverage of a node's households. */
@RestController
@RequestMapping(path = "/api/visits", produces = "application/json")
record VisitController(VisitService service, Idempotency idempotency) {

    record VisitView(UUID id, UUID householdId, UUID microGridId, UUID communityId, String staff, Visit.Kind kind,
                     String note, List<String> findings, Instant visitedAt) {

        static VisitView of(Visit v) {
            return new VisitView(v.id(), v.householdId(), v.microGridId(), v.communityId(), v.staff(), v.kind(), v.note(),
                    v.findings(), v.visitedAt());
        }
    }

    record VisitRequest(@NotNull UUID householdId, @NotNull Visit.Kind kind, @NotBlank @Size(max = 4000) String note,
                        @Size(max = Visit.MAX_FINDINGS) List<@NotBlank @Size(max = 1000) String> findings,
                        Instant visitedAt) {
    }

    @PostMapping
    Mono<ResponseEntity<VisitView>> recordVisit(@Valid @RequestBody VisitRequest request,
                                           @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                           @AuthenticationPrincipal Caller caller) {
        return idempotency.created(key, caller, "POST /api/visits " + request, VisitView.class,
                () -> service.record(request.householdId(), request.kind(), request.note(), request.findings(),
                                request.visitedAt(), caller)
                        .map(VisitView::of),
                view -> "/api/visits/" + view.id());
    }

    /** Visits to households below a node between two days (inclusive), optionally by one staff member. */
    @GetMapping
    Mono<List<VisitView>> listVisits(@RequestParam UUID node, @RequestParam LocalDate from, @RequestParam LocalDate to,
                               @RequestParam(required = false) @Size(max = 200) String staff,
                               @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
                               @AuthenticationPrincipal Caller caller) {
        return service.under(node, start(from), start(to.plusDays(1)), staff, limit, caller).map(VisitView::of)
                .collectList();
    }

    record PatrolEntry(UUID patrolId, UUID gridId, Instant startedAt, Instant endedAt, int checkIns, int findings) {
    }

    record WorkLogView(LocalDate date, String staff, List<VisitView> visits, List<PatrolEntry> patrols,
                       long minutesPatrolling) {
    }

    /** The caller's own work log (工作日志) of a day: visits and patrols. */
    @GetMapping("/work-log")
    Mono<WorkLogView> workLog(@RequestParam LocalDate date, @AuthenticationPrincipal Caller caller) {
        return service.workLog(date, caller).map(log -> new WorkLogView(log.date(), log.staff(),
                log.visits().stream().map(VisitView::of).toList(),
                log.patrols().stream().map(p -> new PatrolEntry(p.id(), p.gridId(), p.startedAt(), p.endedAt(),
                        p.checkIns(), p.findings())).toList(), log.minutesPatrolling()));
    }

    /** Households visited ÷ households per micro-grid below the node, and visits per staff member, between two days. */
    @GetMapping("/coverage")
    Mono<Coverage> visitCoverage(@RequestParam UUID node, @RequestParam LocalDate from, @RequestParam LocalDate to,
                                         @AuthenticationPrincipal Caller caller) {
        return service.coverage(node, start(from), start(to.plusDays(1)), caller);
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
