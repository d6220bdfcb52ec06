package org.gridgov.member.member;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.gridgov.contracts.events.ServiceRecorded;
import org.gridgov.kit.outbox.Outbox;
import org.gridgov.kit.security.Caller;
import org.gridgov.kit.web.FieldError;
import org.gridgov.kit.web.ProblemException;
import org.gridgov.member.member.domain.PartyMember;
import org.gridgov.member.member.domain.ServiceRecord;
import org.gridgov.member.member.persistence.ServiceRecordStore;
import org.gridgov.member.points.PointsLedger;
import org.gridgov.member.points.domain.Cause;
import org.gridgov.member.points.domain.LedgerTransaction;
import org.gridgov.member.points.domain.PointsPolicy;
import org.gridgov.member.resource.ResourceLists;
import org.gridgov.member.access.Access;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Service records (服务纪实): a member (or staff for them) records hours served; grid staff over
 * the member's grid approve or reject them. Approval earns points and is announced.
 */
@Service
public class ServiceRecords {

    private final Members members;
    private final ServiceRecordStore records;
    private final PointsLedger ledger;
    private final PointsPolicy policy;
    private final Access access;
    private final Outbox outbox;
    private final ResourceLists wishes;
    private final Clock clock;

    ServiceRecords(Members members, ServiceRecordStore records, PointsLedger ledger, PointsPolicy policy,
                   Access access, Outbox outbox, ResourceLists wishes, Clock clock) {
        this.members = members;
        this.wishes = wishes;
        this.records = records;
        this.ledger = ledger;
        this.policy = policy;
        this.access = access;
        this.outbox = outbox;
        this.clock = clock;
    }

    public record NewRecord(BigDecimal hours, LocalDate servedOn, Optional<UUID> wishId, Optional<String> activity) {
    }

    public Mono<ServiceRecord> record(UUID memberId, NewRecord request, Caller caller) {
        Instant now = now();
        return members.visible(memberId, caller, false)
                .flatMap(member -> request.wishId().map(wish -> requireKnownWish(wish).thenReturn(member))
                        .orElse(Mono.just(member)))
                .map(member -> ServiceRecord.record(UUID.randomUUID(), member.id(), request.hours(), request.servedOn(),
                        request.wishId(), request.activity(), LocalDate.ofInstant(now, ZoneOffset.UTC), now))
                .flatMap(record -> records.insert(record, caller.subject()).thenReturn(record));
    }

    /** A record of service on a wish names one wish-service has announced: 422 otherwise. */
    private Mono<Void> requireKnownWish(UUID wishId) {
        return wishes.knowsWish(wishId).flatMap(known -> known ? Mono.<Void>empty()
                : Mono.error(ProblemException.unknownReferences(List.of(new FieldError("wishId",
                        "no wish " + wishId + " is known")))));
    }

    /** A decision with its effects: approval announces the service and credits the points. */
    public record Decision(ServiceRecord record, Optional<Long> pointsAwarded) {
    }

    public Mono<Decision> decide(UUID memberId, UUID recordId, boolean approve, Optional<String> note, Caller caller) {
        if (Access.isMember(caller, memberId)) {
            return Mono.error(ProblemException.forbidden("Nobody approves their own service record."));
        }
        return members.visible(memberId, caller, false)
                .filterWhen(member -> access.isStaffOver(caller, member.placement()))
                .switchIfEmpty(Mono.error(() -> ProblemException.forbidden(
                        "Only grid staff or admins over the member's grid decide on service records.")))
                .flatMap(member -> records.findForUpdate(memberId, recordId)
                        .switchIfEmpty(Mono.error(() -> ProblemException.notFound("service record", recordId)))
                        .map(record -> record.decide(approve))
                        .flatMap(decided -> records.saveDecision(decided, caller.subject(), note, now())
                                .then(approve ? approved(member, decided, caller) : Mono.just(new Decision(decided, Optional.empty())))));
    }

    private Mono<Decision> approved(PartyMember member, ServiceRecord record, Caller caller) {
        Instant now = now();
        long points = policy.forServiceHours(record.hours());
        LedgerTransaction credit = LedgerTransaction.credit(UUID.randomUUID(), member.id(), points,
                Cause.serviceRecord(record.id()), now);
        return outbox.append(serviceRecorded(record, caller, now))
                .then(ledger.post(credit))
                .thenReturn(new Decision(record, Optional.of(points)));
    }

    public Mono<List<ServiceRecord>> list(UUID memberId, Optional<ServiceRecord.Status> status, Optional<Instant> beforeAt,
                                          Optional<UUID> beforeId, int limit, Caller caller) {
        return members.visible(memberId, caller, false)
                .flatMap(member -> records.list(memberId, status, beforeAt, beforeId, limit).collectList());
    }

    private static ServiceRecorded serviceRecorded(ServiceRecord record, Caller caller, Instant at) {
        return new ServiceRecorded(record.id(), record.memberId(), record.hours(), record.wishId().orElse(null),
                approver(caller), at);
    }

    /**
     * The schema wants a UUID for the approver: their party-member id when they have one, otherwise
     * a stable UUID derived from their subject, so one approver always has the same id.
     */
    static UUID approver(Caller caller) {
        return caller.memberId()
                .orElseGet(() -> UUID.nameUUIDFromBytes(("gridgov-subject:" + caller.subject()).getBytes(StandardCharsets.UTF_8)));
    }


    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
