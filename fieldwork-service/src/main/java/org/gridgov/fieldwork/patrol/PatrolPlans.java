package org.gridgov.fieldwork.patrol;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.gridgov.contracts.events.PatrolPlanned;
import org.gridgov.fieldwork.access.FieldAccess;
import org.gridgov.fieldwork.patrol.domain.PatrolPlan;
import org.gridgov.fieldwork.patrol.persistence.PatrolPlanStore;
import org.gridgov.kit.domain.Refusal;
import org.gridgov.kit.outbox.Outbox;
import org.gridgov.kit.security.Caller;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Patrol plans per grid (巡查计划): the grid's staff and the admins over it say which places to walk past and how
 * often; the community sees each plan with its next due time and the patrols missed. Anyone else is told the plan does
 * not exist.
 */
@Service
public record PatrolPlans(PatrolPlanStore plans, FieldAccess access, Outbox outbox, Clock clock) {

    /** How far back a plan shows its missed patrols. */
    public static final Duration SHOWN = Duration.ofDays(31);

    /** A plan with the patrols it missed in the last {@link #SHOWN}, newest first. */
    public record Shown(PatrolPlan plan, List<Instant> missed) {
    }

    /** Sets the grid's plan (the grid's staff and the admins over it); a plan set again replaces it. */
    public Mono<PatrolPlan> plan(UUID gridId, List<String> places, int everyDays, Instant from, Caller caller) {
        Instant at = now();
        return access.gridOf(gridId).filter(gridId::equals)
                .switchIfEmpty(Mono.error(() -> Refusal.notFound("grid", gridId)))
                .flatMap(grid -> access.place(gridId, "gridId"))
                .flatMap(place -> access.isStaffOver(caller, gridId).flatMap(over -> over ? Mono.just(place)
                        : Mono.error(Refusal.forbidden("The grid's staff and the admins over it plan its patrols."))))
                .map(place -> PatrolPlan.plan(gridId, place.communityId(), places, everyDays, from, caller.subject(), at))
                .flatMap(plan -> plans.set(plan)
                        .then(outbox.append(new PatrolPlanned(plan.id(), plan.gridId(), plan.communityId(),
                                plan.places().size(), plan.everyDays(), plan.dueAt(), plan.plannedBy(), at)))
                        .then(plans.find(plan.id())));
    }

    /** The grid's plan, for the staff and admins over the grid; 404 for anyone else or a grid without one. */
    public Mono<Shown> find(UUID id, Caller caller) {
        return plans.find(id)
                .filterWhen(plan -> access.isStaffOver(caller, plan.gridId()))
                .switchIfEmpty(Mono.error(() -> Refusal.notFound("patrol plan of grid", id)))
                .flatMap(this::shown);
    }

    /** The plans of the grids at or below the node, for the staff and admins over it. */
    public Flux<Shown> under(UUID node, int limit, Caller caller) {
        return access.isStaffOver(caller, node).flatMapMany(over -> over ? plans.under(node, limit).concatMap(this::shown)
                : Flux.error(Refusal.forbidden("This node is outside your jurisdiction.")));
    }

    private Mono<Shown> shown(PatrolPlan plan) {
        return plans.missedSince(plan.id(), now().minus(SHOWN)).collectList().map(missed -> new Shown(plan, missed));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
