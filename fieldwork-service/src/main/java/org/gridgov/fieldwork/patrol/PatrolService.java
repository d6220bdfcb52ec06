package org.gridgov.fieldwork.patrol;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.gridgov.contracts.Category;
import org.gridgov.contracts.events.PatrolEnded;
import org.gridgov.contracts.events.PatrolStarted;
import org.gridgov.fieldwork.access.FieldAccess;
import org.gridgov.fieldwork.cases.CaseService;
import org.gridgov.fieldwork.cases.domain.FieldCase;
import org.gridgov.fieldwork.cases.domain.Severity;
import org.gridgov.fieldwork.patrol.domain.Patrol;
import org.gridgov.fieldwork.patrol.persistence.PatrolPlanStore;
import org.gridgov.fieldwork.patrol.persistence.PatrolStore;
import org.gridgov.kit.domain.Refusal;
import org.gridgov.kit.outbox.Outbox;
import org.gridgov.kit.security.Caller;
import org.gridgov.kit.security.Role;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Patrols (巡查): grid staff start one on their grid, check in at places, report findings as cases in one step
 * (the case's source PATROL, linked to the patrol), end it. The grid's staff and admins read them.
 */
@Service
public record PatrolService(PatrolStore patrols, PatrolPlanStore plans, CaseService cases, FieldAccess access,
                            Outbox outbox, Clock clock) {

    public Mono<Patrol> start(UUID gridId, Caller caller) {
        if (!caller.has(Role.GRID_STAFF)) {
            return Mono.error(Refusal.forbidden("Grid staff patrol their grids."));
        }
        return access.place(gridId, "gridId")
                .flatMap(place -> access.isStaffOver(caller, gridId).flatMap(over -> over
                        ? Mono.just(Patrol.start(gridId, place.communityId(), caller.subject(), now()))
                        : Mono.error(Refusal.forbidden("This grid is outside your jurisdiction."))))
                .flatMap(patrol -> patrols.insert(patrol)
                        // the grid's patrol plan (if any) is due again a period after this one
                        .then(plans.patrolled(patrol.gridId(), patrol.startedAt()))
                        .then(outbox.append(new PatrolStarted(patrol.id(), patrol.gridId(), patrol.communityId(),
                                patrol.startedAt())))
                        .thenReturn(patrol));
    }

    /** The patrol, for its patroller and the grid's staff and admins; 404 for anyone else. */
    public Mono<Patrol> visible(UUID id, Caller caller) {
        return patrols.find(id)
                .filterWhen(p -> p.staff().equals(caller.subject()) ? Mono.just(true) : access.isStaffOver(caller, p.gridId()))
                .switchIfEmpty(Mono.error(() -> Refusal.notFound("patrol", id)));
    }

    public Mono<List<Patrol.CheckIn>> checkIns(UUID id) {
        return patrols.checkIns(id).collectList();
    }

    public Mono<Patrol.CheckIn> checkIn(UUID id, String place, Instant at, Double latitude, Double longitude,
                                        Caller caller) {
        return own(id, caller).flatMap(patrol -> {
            Patrol.CheckIn checkIn = patrol.checkIn(place, at, latitude, longitude, now());
            return patrols.insertCheckIn(id, checkIn).then(patrols.update(patrol.checkedIn())).thenReturn(checkIn);
        });
    }

    /** A finding on the way, reported as a case in the patrol's grid (or one of its micro-grids) in one step. */
    public record Finding(String description, String photoUrl, UUID microGridId, Category category, Severity severity,
                          Integer householdsAffected, Integer shopsAffected) {
    }

    public Mono<FieldCase> report(UUID id, Finding finding, Caller caller) {
        return own(id, caller).flatMap(patrol -> {
            Patrol found = patrol.found();
            UUID where = finding.microGridId() == null ? patrol.gridId() : finding.microGridId();
            return access.isWithin(where, patrol.gridId())
                    .flatMap(inside -> inside ? Mono.<Void>empty() : Mono.error(Refusal.invalidField("microGridId",
                            "The finding lies outside the patrolled grid.")))
                    .then(cases.report(new CaseService.NewCase(where,
                            finding.category() == null ? Category.OTHER : finding.category(), finding.description(),
                            finding.householdsAffected() == null ? 0 : finding.householdsAffected(),
                            finding.shopsAffected() == null ? 0 : finding.shopsAffected(),
                            finding.severity() == null ? Severity.ROUTINE : finding.severity(),
                            finding.photoUrl() == null ? List.of() : List.of(finding.photoUrl())), caller, id))
                    .flatMap(reported -> patrols.update(found).thenReturn(reported));
        });
    }

    public Mono<Patrol> end(UUID id, Caller caller) {
        return own(id, caller).flatMap(patrol -> {
            Patrol ended = patrol.end(now());
            return patrols.update(ended)
                    .then(outbox.append(new PatrolEnded(ended.id(), ended.gridId(), ended.communityId(), ended.checkIns(),
                            ended.findings(), ended.minutes(), ended.endedAt())))
                    .thenReturn(ended);
        });
    }

    /** The patrol locked for its patroller's command; 403 for the grid's other staff, 404 for anyone else. */
    private Mono<Patrol> own(UUID id, Caller caller) {
        return visible(id, caller).flatMap(seen -> seen.staff().equals(caller.subject())
                ? patrols.findForUpdate(id)
                : Mono.error(Refusal.forbidden("Only the patroller records on a patrol.")));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
