package org.gridgov.fieldwork.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.gridgov.contracts.Category;
import org.gridgov.fieldwork.access.FieldAccess;
import org.gridgov.fieldwork.cases.domain.CaseSource;
import org.gridgov.fieldwork.cases.domain.CaseStatus;
import org.gridgov.fieldwork.cases.domain.FieldCase;
import org.gridgov.fieldwork.cases.domain.Severity;
import org.gridgov.fieldwork.cases.domain.Sla;
import org.gridgov.fieldwork.cases.messaging.CaseEvents;
import org.gridgov.fieldwork.cases.persistence.CaseStore;
import org.gridgov.fieldwork.department.persistence.DepartmentStore;
import org.gridgov.kit.domain.Refusal;
import org.gridgov.kit.security.Caller;
import org.gridgov.kit.security.Role;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The commands of a case's life, each checked against the caller's role and place and run in the caller's
 * transaction (the controller's idempotent command), its event in the outbox: the community (its grid staff
 * and admins) files, declines, refers (吹哨) or handles it itself; the department it is referred to
 * acknowledges (报到) and reports it handled; the reporter or the grid's staff verify it on site.
 */
@Service
public record CaseService(CaseStore cases, DepartmentStore departments, CaseEvents events, FieldAccess access,
                          Sla sla, Clock clock) {

    /** What is reported: where (a micro-grid), what, how bad. */
    public record NewCase(UUID microGridId, Category category, String description, int householdsAffected,
                          int shopsAffected, Severity severity, List<String> photoUrls) {
    }

    /** A case reported by the caller (grid staff, an admin, a party member of the community, an app). */
    public Mono<FieldCase> report(NewCase request, Caller caller) {
        return reported(request, caller, null, null);
    }

    /** A patrol's finding as a case, in the patrol's transaction. */
    public Mono<FieldCase> report(NewCase request, Caller caller, UUID patrolId) {
        return reported(request, caller, patrolId, null);
    }

    /** A visit's finding as a case, in the transaction that holds the visit; the case names the visit and finding. */
    public Mono<FieldCase> reportFromVisit(NewCase request, Caller caller, FieldCase.VisitFinding fromVisit) {
        return reported(request, caller, null, fromVisit);
    }

    private Mono<FieldCase> reported(NewCase request, Caller caller, UUID patrolId, FieldCase.VisitFinding fromVisit) {
        return access.place(request.microGridId(), "microGridId")
                .flatMap(place -> source(caller, place, patrolId)
                        .map(source -> FieldCase.report(UUID.randomUUID(), new FieldCase.Report(place.communityId(),
                                place.streetId(), place.nodeId(), request.category(), request.description(),
                                request.householdsAffected(), request.shopsAffected(), request.severity(),
                                request.photoUrls(), source, patrolId, fromVisit, caller.subject()), now())))
                .flatMap(c -> cases.insert(c).then(events.reported(c)).thenReturn(c));
    }

    private Mono<CaseSource> source(Caller caller, FieldAccess.Place place, UUID patrolId) {
        if (caller.has(Role.GRID_STAFF) || caller.isAdmin()) {
            return access.isStaffOver(caller, place.nodeId()).flatMap(over -> over
                    ? Mono.just(patrolId != null ? CaseSource.PATROL : caller.has(Role.GRID_STAFF) ? CaseSource.STAFF
                            : CaseSource.ADMIN)
                    : Mono.error(Refusal.forbidden("This micro-grid is outside your jurisdiction.")));
        }
        if (caller.has(Role.CLIENT) && caller.hasScope("cases:write")) {
            return access.covers(caller, place.nodeId()).flatMap(over -> over ? Mono.just(CaseSource.APP)
                    : Mono.error(Refusal.forbidden("This micro-grid is outside the app's jurisdiction.")));
        }
        if (caller.has(Role.PARTY_MEMBER)) {
            return access.livesIn(caller, place.communityId()).flatMap(inside -> inside ? Mono.just(CaseSource.PARTY_MEMBER)
                    : Mono.error(Refusal.forbidden("A party member reports cases in their own community.")));
        }
        return Mono.error(Refusal.forbidden("Grid staff, admins, the community's party members and apps allowed "
                + "cases:write report cases."));
    }

    /** A case the caller may see: its community's staff and admins, its reporter, the department it is referred to. */
    public Mono<FieldCase> visible(UUID id, Caller caller) {
        return cases.find(id).filterWhen(c -> canSee(c, caller))
                .switchIfEmpty(Mono.error(() -> Refusal.notFound("case", id)));
    }

    private Mono<Boolean> canSee(FieldCase c, Caller caller) {
        if (c.report().reportedBy().equals(caller.subject()) || isItsDepartment(c, caller)) {
            return Mono.just(true);
        }
        return access.isStaffOver(caller, c.report().microGridId());
    }

    private static boolean isItsDepartment(FieldCase c, Caller caller) {
        return caller.has(Role.DEPARTMENT) && c.progress().departmentId() != null
                && caller.departmentId().filter(c.progress().departmentId()::equals).isPresent();
    }

    public Mono<FieldCase> file(UUID id, Caller caller) {
        return communityCommand(id, caller, c -> c.file(now()));
    }

    public Mono<FieldCase> decline(UUID id, String reason, Caller caller) {
        return communityCommand(id, caller, c -> c.decline(reason, now()));
    }

    /** 吹哨: to a department that exists, handles the case's category and serves its street. */
    public Mono<FieldCase> refer(UUID id, UUID departmentId, Caller caller) {
        return locked(id, caller).flatMap(c -> requireCommunity(c, caller)
                .then(departments.find(departmentId)
                        .switchIfEmpty(Mono.error(() -> Refusal.invalidField("departmentId",
                                "No department " + departmentId + "."))))
                .map(department -> {
                    department.requireTakes(c.report().category(), c.report().streetId());
                    return c.refer(departmentId, sla.of(c.report().severity()).acknowledge(), now());
                })
                .flatMap(referred -> save(referred, c.status(), null)));
    }

    /** 报到: by the department the case is referred to. */
    public Mono<FieldCase> acknowledge(UUID id, Caller caller) {
        return departmentCommand(id, caller, (c, department) -> {
            FieldCase acknowledged = c.acknowledge(department, sla.of(c.report().severity()).handle(), now());
            return save(acknowledged, c.status(), acknowledged.progress().acknowledgedOnTime());
        });
    }

    /** The department reports its case handled; or the community's own staff, for a case it solves itself. */
    public Mono<FieldCase> reportHandled(UUID id, String note, Caller caller) {
        if (caller.has(Role.DEPARTMENT)) {
            return departmentCommand(id, caller, (c, department) -> {
                FieldCase handled = c.reportHandled(department, note, now());
                Instant due = c.progress().dueAt();
                return save(handled, c.status(), !handled.progress().handledAt().isAfter(due));
            });
        }
        return communityCommand(id, caller, c -> c.reportHandled(null, note, now()));
    }

    /** 核查: by the reporter or the grid's staff and admins; failed, the case goes back as rework. */
    public Mono<FieldCase> verify(UUID id, boolean passed, Caller caller) {
        return locked(id, caller).flatMap(c -> (c.report().reportedBy().equals(caller.subject()) ? Mono.<Void>empty()
                        : requireCommunity(c, caller))
                .then(Mono.fromCallable(() -> c.verify(passed, sla.of(c.report().severity()).handle(), now())))
                .flatMap(verified -> save(verified, c.status(), null)));
    }

    private Mono<FieldCase> communityCommand(UUID id, Caller caller, Function<FieldCase, FieldCase> step) {
        return locked(id, caller).flatMap(c -> requireCommunity(c, caller)
                .then(Mono.fromCallable(() -> step.apply(c)))
                .flatMap(next -> save(next, c.status(), null)));
    }

    private interface DepartmentStep {
        Mono<FieldCase> apply(FieldCase c, UUID department);
    }

    private Mono<FieldCase> departmentCommand(UUID id, Caller caller, DepartmentStep step) {
        UUID department = caller.departmentId().orElse(null);
        if (!caller.has(Role.DEPARTMENT) || department == null) {
            return Mono.error(Refusal.forbidden("Only the staff of the department a case is referred to do this."));
        }
        return locked(id, caller).flatMap(c -> Mono.defer(() -> step.apply(c, department)));
    }

    private Mono<Void> requireCommunity(FieldCase c, Caller caller) {
        return access.isStaffOver(caller, c.report().microGridId()).flatMap(over -> over ? Mono.<Void>empty()
                : Mono.error(Refusal.forbidden("Only the grid's staff and the community's admins do this.")));
    }

    /** The case locked for the command; 404 when the caller may not see it. */
    private Mono<FieldCase> locked(UUID id, Caller caller) {
        return visible(id, caller).then(cases.findForUpdate(id));
    }

    private Mono<FieldCase> save(FieldCase next, CaseStatus previous, Boolean onTime) {
        return cases.update(next).then(events.changed(next, previous, onTime)).thenReturn(next);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
