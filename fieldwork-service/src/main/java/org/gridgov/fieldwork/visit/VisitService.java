package org.gridgov.fieldwork.visit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.gridgov.contracts.events.VisitRecorded;
import org.gridgov.fieldwork.access.FieldAccess;
import org.gridgov.fieldwork.patrol.domain.Patrol;
import org.gridgov.fieldwork.patrol.persistence.PatrolStore;
import org.gridgov.fieldwork.visit.domain.Coverage;
import org.gridgov.fieldwork.visit.domain.Visit;
import org.gridgov.fieldwork.visit.persistence.VisitStore;
import org.gridgov.kit.domain.Refusal;
import org.gridgov.kit.outbox.Outbox;
import org.gridgov.kit.security.Caller;
import org.gridgov.kit.security.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Visits (走访) and the work log (工作日志): grid staff over the household's micro-grid, or a party member living in
 * its community, log a visit; the staff and admins over a node list visits and their coverage; everyone reads
 * their own day.
 */
@Service
public class VisitService {

    private final VisitStore visits;
    private final PatrolStore patrols;
    private final FieldAccess access;
    private final Outbox outbox;
    private final Clock clock;
    /** The community's time zone: a work log's day is a local day. */
    private final ZoneId zone;

    VisitService(VisitStore visits, PatrolStore patrols, FieldAccess access, Outbox outbox, Clock clock,
                 @Value("${gridgov.fieldwork.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.zone = zone;
        this.visits = visits;
        this.patrols = patrols;
        this.access = access;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Mono<Visit> record(UUID householdId, Visit.Kind kind, String note, List<String> findings, Instant visitedAt,
                              Caller caller) {
        return visits.microGridOf(householdId)
                .switchIfEmpty(Mono.error(() -> Refusal.invalidField("householdId", "No household " + householdId + ".")))
                .flatMap(microGrid -> access.place(microGrid, "householdId"))
                .flatMap(place -> mayVisit(caller, place).then(Mono.fromCallable(() -> Visit.record(householdId,
                        place.nodeId(), place.communityId(), caller.subject(), kind, note, findings, visitedAt, now()))))
                .flatMap(visit -> visits.insert(visit)
                        .then(outbox.append(new VisitRecorded(visit.id(), visit.householdId(), visit.microGridId(),
                                visit.communityId(), VisitRecorded.Kind.valueOf(visit.kind().name()),
                                visit.findings().size(), LocalDate.ofInstant(visit.visitedAt(), ZoneOffset.UTC),
                                visit.recordedAt())))
                        .thenReturn(visit));
    }

    private Mono<Void> mayVisit(Caller caller, FieldAccess.Place place) {
        Mono<Boolean> staff = access.isStaffOver(caller, place.nodeId());
        Mono<Boolean> member = caller.has(Role.PARTY_MEMBER) ? access.livesIn(caller, place.communityId()) : Mono.just(false);
        return staff.flatMap(over -> over ? Mono.just(true) : member)
                .flatMap(allowed -> allowed ? Mono.<Void>empty() : Mono.error(Refusal.forbidden(
                        "The grid's staff and the community's party members visit its households.")));
    }

    public Flux<Visit> under(UUID node, Instant from, Instant to, String staff, int limit, Caller caller) {
        return requireStaffOver(node, from, to, caller).thenMany(visits.under(node, from, to, staff, limit));
    }

    /** The caller's own work log of a day in the community's time zone: the visits and the patrols. */
    public record WorkLog(LocalDate date, String staff, List<Visit> visits, List<Patrol> patrols, long minutesPatrolling) {
    }

    public Mono<WorkLog> workLog(LocalDate date, Caller caller) {
        Instant from = date.atStartOfDay(zone).toInstant();
        Instant to = date.plusDays(1).atStartOfDay(zone).toInstant();
        return Mono.zip(visits.of(caller.subject(), from, to).collectList(),
                        patrols.of(caller.subject(), from, to).collectList())
                .map(day -> new WorkLog(date, caller.subject(), day.getT1(), day.getT2(),
                        day.getT2().stream().mapToLong(Patrol::minutes).sum()));
    }

    public Mono<Coverage> coverage(UUID node, Instant from, Instant to, Caller caller) {
        return requireStaffOver(node, from, to, caller).then(Mono.zip(visits.byMicroGrid(node, from, to).collectList(),
                        visits.byStaff(node, from, to).collectList()))
                .map(figures -> new Coverage(node, figures.getT1(), figures.getT2()));
    }

    private Mono<Void> requireStaffOver(UUID node, Instant from, Instant to, Caller caller) {
        if (!to.isAfter(from)) {
            return Mono.error(Refusal.invalidField("to", "The period ends after it starts."));
        }
        return access.isStaffOver(caller, node).flatMap(over -> over ? Mono.<Void>empty()
                : Mono.error(Refusal.forbidden("This node is outside your jurisdiction.")));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
