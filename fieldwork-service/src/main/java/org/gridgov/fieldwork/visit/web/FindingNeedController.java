package org.gridgov.fieldwork.visit.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.gridgov.contracts.Category;
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

/** One visit with the needs its findings became, and a finding raised as a need of the needs list in one command. */
@RestController
@RequestMapping(path = "/api/visits", produces = "application/json")
class FindingNeedController {

    private final FindingNeeds needs;
    private final Idempotency idempotency;

    FindingNeedController(FindingNeeds needs, Idempotency idempotency) {
        this.needs = needs;
        this.idempotency = idempotency;
    }

    /** {@code needs}: the position of each finding that became a need → the need's id in wish-service. */
    record VisitWithNeeds(UUID id, UUID householdId, UUID microGridId, UUID communityId, String staff, Visit.Kind kind,
                          String note, List<String> findings, Instant visitedAt, Map<Integer, UUID> needs) {
    }

    @GetMapping("/{id}")
    Mono<VisitWithNeeds> findVisit(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        return needs.visible(id, caller).zipWith(needs.needsOf(id), (v, linked) -> new VisitWithNeeds(v.id(),
                v.householdId(), v.microGridId(), v.communityId(), v.staff(), v.kind(), v.note(), v.findings(), v.visitedAt(),
                linked));
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
        return idempotency.once(key, caller, "POST /api/visits/" + id + "/findings/" + finding + "/need " + request,
                RaisedView.class, () -> needs.raise(id, finding, request.category(), request.title(),
                                request.householdsAffected(), caller)
                        .map(raised -> ResponseEntity.created(URI.create("/api/needs/" + raised.needId()))
                                .body(new RaisedView(raised.visitId(), raised.finding(), raised.needId()))));
    }
}
