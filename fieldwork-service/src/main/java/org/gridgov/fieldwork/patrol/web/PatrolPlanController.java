package org.gridgov.fieldwork.patrol.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.gridgov.fieldwork.patrol.PatrolPlans;
import org.gridgov.fieldwork.patrol.domain.PatrolPlan;
import org.gridgov.kit.data.Idempotency;
import org.gridgov.kit.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Patrol plans per grid (巡查计划), each identified by its grid, and the patrols they missed. */
@RestController
@RequestMapping(path = "/api/patrol-plans", produces = "application/json")
record PatrolPlanController(PatrolPlans plans, Idempotency idempotency) {

    record PatrolPlanRequest(@NotNull @Size(min = 1, max = PatrolPlan.MAX_PLACES)
                             List<@NotBlank @Size(max = PatrolPlan.MAX_PLACE_LENGTH) String> places,
                             @NotNull @Min(1) @Max(PatrolPlan.MAX_EVERY_DAYS) Integer everyDays, Instant from) {
    }

    /** {@code missed}: the due times that passed without a patrol, in the last 31 days, newest first. */
    record PatrolPlanView(UUID id, UUID gridId, UUID communityId, List<String> places, int everyDays, String plannedBy,
                          Instant plannedAt, Instant dueAt, int missedInARow, List<Instant> missed) {

        static PatrolPlanView of(PatrolPlan p, List<Instant> missed) {
            return new PatrolPlanView(p.id(), p.gridId(), p.communityId(), p.places(), p.everyDays(), p.plannedBy(),
                    p.plannedAt(), p.dueAt(), p.missedInARow(), missed);
        }
    }

    /** Sets the grid's plan; set again, it replaces the places and the period (the misses so far are kept). */
    @PutMapping("/{gridId}")
    Mono<ResponseEntity<PatrolPlanView>> setPatrolPlan(@PathVariable UUID gridId, @Valid @RequestBody PatrolPlanRequest request,
                                                       @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                                       @AuthenticationPrincipal Caller caller) {
        return idempotency.ok(key, caller, "PUT /api/patrol-plans/" + gridId + " " + request, PatrolPlanView.class,
                () -> plans.plan(gridId, request.places(), request.everyDays(), request.from(), caller)
                        .map(p -> PatrolPlanView.of(p, List.of())));
    }

    /** The grid's plan with the patrols it missed. */
    @GetMapping("/{gridId}")
    Mono<PatrolPlanView> getPatrolPlan(@PathVariable UUID gridId, @AuthenticationPrincipal Caller caller) {
        return plans.find(gridId, caller).map(shown -> PatrolPlanView.of(shown.plan(), shown.missed()));
    }

    /** The plans of the grids at or below the node, each with its missed patrols: what the community is shown. */
    @GetMapping
    Mono<List<PatrolPlanView>> listPatrolPlans(@RequestParam UUID node,
                                               @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
                                               @AuthenticationPrincipal Caller caller) {
        return plans.under(node, limit, caller).map(shown -> PatrolPlanView.of(shown.plan(), shown.missed())).collectList();
    }
}
