package org.gridgov.member.operation;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.gridgov.contracts.events.OperationClosed;
import org.gridgov.contracts.events.ServiceRecorded;
import org.gridgov.kit.data.Sql;
import org.gridgov.kit.inbox.EventSubscriber;
import org.gridgov.kit.inbox.TypedEventHandler;
import org.gridgov.kit.outbox.Outbox;
import org.gridgov.member.member.domain.ServiceRecord;
import org.gridgov.member.points.PointsLedger;
import org.gridgov.member.points.domain.Cause;
import org.gridgov.member.points.domain.LedgerTransaction;
import org.gridgov.member.points.domain.PointsPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Credits the service hours of an emergency operation (战时攻坚, {@code org.gridgov.operation.closed.v1} from
 * fieldwork-service): each member who arrived gets an approved service record (服务纪实) of the operation — approved by
 * whoever closed it — with its points and its {@code org.gridgov.service.recorded.v1}. The record's id derives from the
 * operation and the member, so a redelivered or repeated close credits nobody twice (besides the kit's inbox).
 */
@Component
record OperationHours(DatabaseClient db, PointsLedger ledger, PointsPolicy policy,
                      Outbox outbox) implements EventSubscriber {

    private static final Logger log = LoggerFactory.getLogger(OperationHours.class);

    @Override
    public TypedEventHandler handlers() {
        return TypedEventHandler.named("operation-hours")
                .on(OperationClosed.class, this::credit);
    }

    private Mono<Void> credit(OperationClosed closed) {
        // the same derivation as a service record approved by hand: one approver, one id
        UUID approver = UUID.nameUUIDFromBytes(("gridgov-subject:" + closed.closedBy()).getBytes(StandardCharsets.UTF_8));
        return Flux.fromIterable(closed.credits()).concatMap(credit -> {
            UUID recordId = UUID.nameUUIDFromBytes(("gridgov-operation:" + closed.operationId() + ":" + credit.memberId())
                    .getBytes(StandardCharsets.UTF_8));
            ServiceRecord record = new ServiceRecord(recordId, credit.memberId(), credit.hours(),
                    LocalDate.ofInstant(closed.occurredAt(), ZoneOffset.UTC), Optional.empty(),
                    Optional.of("战时攻坚：" + closed.title()), ServiceRecord.Status.APPROVED, closed.occurredAt());
            return insert(record, closed).flatMap(inserted -> {
                if (!inserted) {
                    log.warn("operation {}: no hours credited to member {} (unknown here, or credited already)",
                            closed.operationId(), credit.memberId());
                    return Mono.empty();
                }
                return outbox.append(new ServiceRecorded(recordId, credit.memberId(), credit.hours(), null, approver,
                                closed.occurredAt()))
                        .then(ledger.post(LedgerTransaction.credit(UUID.randomUUID(), credit.memberId(),
                                policy.forServiceHours(credit.hours()), Cause.serviceRecord(recordId), closed.occurredAt())))
                        .then();
            });
        }).then();
    }

    /** Whether the record was new and its member known: approved at once, by the operation's close. */
    private Mono<Boolean> insert(ServiceRecord record, OperationClosed closed) {
        return db.sql("""
                        insert into service_record (id, member_id, hours, served_on, activity, status, recorded_by, recorded_at,
                            decided_by, decided_at)
                        select :id, m.id, :hours, :servedOn, :activity, :status, :by, :at, :by, :at
                        from party_member m where m.id = :member
                        on conflict (id) do nothing""")
                .bind("id", record.id()).bind("member", record.memberId()).bind("hours", record.hours())
                .bind("servedOn", record.servedOn()).bind("activity", record.activity().orElseThrow())
                .bind("status", record.status().name()).bind("by", closed.closedBy())
                .bind("at", Sql.utc(record.recordedAt()))
                .fetch().rowsUpdated().map(rows -> rows > 0);
    }
}
