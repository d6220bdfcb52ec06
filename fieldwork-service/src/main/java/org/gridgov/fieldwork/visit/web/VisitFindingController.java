package org.gridgov.fieldwork.visit.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.gridgov.contracts.Category;
import org.gridgov.fieldwork.cases.domain.FieldCase;
import org.gridgov.fieldwork.cases.domain.Severity;
import org.gridgov.fieldwork.cases.web.CaseView;
import org.gridgov.fieldwork.visit.FindingCases;
import org.gridgov.fieldwork.visit.FindingNeeds;
import org.gridgov.fieldwork.visit.domain.Visit;
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
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * One visit with the needs and cases its findings became, and a finding raised as a need of the needs list, or made a
 * case, in one command.
 */
@RestController
@RequestMapping(path = "/api/visits", produces = "application/json")
record VisitFindingController(FindingNeeds needs, FindingCases cases, Idempotency idempotency) {

    /**
     * {@code needs}: the position of each finding that became a need → the need's id in wish-service; {@code cases}:
     * the position of each finding that became a case → the case's id.
     */
    record VisitWithFindings(UUID id, UUID householdId, UUID microGridId, UUID communityId, String staff,
                             Visit.Kind kind, String note, List<String> findings, Instant visitedAt,
                             Map<Integer, UUID> needs, Map<Integer, UUID> cases) {
    }

    @GetMapping("/{id}")
    Mono<VisitWithFindings> findVisit(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        return needs.visible(id, caller).zipWith(needs.needsOf(id)).zipWith(cases.casesOf(id), (visit, madeCases) -> {
            Visit v = visit.getT1();
            return new VisitWithFindings(v.id(), v.householdId(), v.microGridId(), v.communityId(), v.staff(), v.kind(),
                    v.note(), v.findings(), v.visitedAt(), visit.getT2(), madeCases);
        });
    }

    record NeedRequest(@NotNull Category category, @Size(max = 200) String title,
                       @Min(1) @Max(100000) Integer householdsAffected) {
    }

    record RaisedView(UUID visitId, int finding, UUID needId) {
    }

    /** The finding (its position in the visit's findings, from 0) becomes a need of the grid's needs list. */
    @PostMapping("/{id}/findings/{finding}/need")
    Mono<ResponseEntity<RaisedView>> raiseNeed(@PathVariable UUID id, @PathVariable int finding,
                                               @Valid @RequestBody NeedRequest request,
                                               @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                               @AuthenticationPrincipal Caller caller) {
        return idempotency.created(key, caller, "POST /api/visits/" + id + "/findings/" + finding + "/need " + request,
                RaisedView.class, () -> needs.raise(id, finding, request.category(), request.title(),
                                request.householdsAffected(), caller)
                        .map(raised -> new RaisedView(raised.visitId(), raised.finding(), raised.needId())),
                view -> "/api/needs/" + view.needId());
    }

    /** As {@code POST /api/cases} takes a case, the place being the visited household's micro-grid. */
    record CaseRequest(@NotNull Category category, @NotNull Severity severity, @Size(max = 4000) String description,
                       @Min(0) @Max(100000) Integer householdsAffected, @Min(0) @Max(100000) Integer shopsAffected,
                       @Size(max = FieldCase.MAX_PHOTOS) List<@NotBlank @Size(max = 2000) String> photoUrls) {

        FindingCases.Request toRequest() {
            return new FindingCases.Request(category, severity, description,
                    householdsAffected == null ? 0 : householdsAffected, shopsAffected == null ? 0 : shopsAffected,
                    photoUrls);
        }
    }

    /** The finding (its position in the visit's findings, from 0) becomes a case, reported as {@code POST /api/cases}. */
    @PostMapping("/{id}/findings/{finding}/case")
    Mono<ResponseEntity<CaseView>> raiseCase(@PathVariable UUID id, @PathVariable int finding,
                                             @Valid @RequestBody CaseRequest request,
                                             @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                             @AuthenticationPrincipal Caller caller) {
        return idempotency.created(key, caller, "POST /api/visits/" + id + "/findings/" + finding + "/case " + request,
                CaseView.class, () -> cases.raise(id, finding, request.toRequest(), caller).map(CaseView::of),
                view -> "/api/cases/" + view.id());
    }
}
