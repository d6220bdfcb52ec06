package org.gridgov.member.member.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.gridgov.member.member.domain.ServiceRecord;
import org.gridgov.kit.data.Sql;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Component
public record ServiceRecordStore(DatabaseClient db) {

    private static final String COLUMNS = "id, member_id, hours, served_on, wish_id, activity, status, recorded_at";

    public Mono<Void> insert(ServiceRecord record, String recordedBy) {
        return db.sql("""
                        insert into service_record (id, member_id, hours, served_on, wish_id, activity, status, recorded_by, recorded_at)
                        values (:id, :memberId, :hours, :servedOn, :wishId, :activity, :status, :recordedBy, :recordedAt)""")
                .bind("id", record.id())
                .bind("memberId", record.memberId())
                .bind("hours", record.hours())
                .bind("servedOn", record.servedOn())
                .bind("wishId", Sql.optional(record.wishId(), UUID.class))
                .bind("activity", Sql.optional(record.activity(), String.class))
                .bind("status", record.status().name())
                .bind("recordedBy", recordedBy)
                .bind("recordedAt", Sql.utc(record.recordedAt()))
                .fetch().rowsUpdated().then();
    }

    /** The record, locked until the transaction ends so that two decisions cannot both apply. */
    public Mono<ServiceRecord> findForUpdate(UUID memberId, UUID id) {
        return db.sql("select " + COLUMNS + " from service_record where id = :id and member_id = :memberId for update")
                .bind("id", id).bind("memberId", memberId)
                .map(ServiceRecordStore::record).one();
    }

    public Mono<Void> saveDecision(ServiceRecord record, String decidedBy, Optional<String> note, Instant at) {
        return db.sql("""
                        update service_record set status = :status, decided_by = :decidedBy, decided_at = :decidedAt,
                            decision_note = :note
                        where id = :id""")
                .bind("id", record.id())
                .bind("status", record.status().name())
                .bind("decidedBy", decidedBy)
                .bind("decidedAt", Sql.utc(at))
                .bind("note", Sql.optional(note, String.class))
                .fetch().rowsUpdated().then();
    }

    /** A member's records, newest first, after the cursor's (recordedAt, id). */
    public Flux<ServiceRecord> list(UUID memberId, Optional<ServiceRecord.Status> status, Optional<Instant> beforeAt,
                                    Optional<UUID> beforeId, int limit) {
        return db.sql("select " + COLUMNS + """
                         from service_record
                        where member_id = :memberId
                          and (cast(:status as text) is null or status = :status)
                          and (cast(:beforeAt as timestamptz) is null or (recorded_at, id) < (:beforeAt, :beforeId))
                        order by recorded_at desc, id desc
                        limit :limit""")
                .bind("memberId", memberId)
                .bind("status", Sql.optional(status.map(Enum::name), String.class))
                .bind("beforeAt", Sql.optional(beforeAt.map(Sql::utc), OffsetDateTime.class))
                .bind("beforeId", Sql.optional(beforeId, UUID.class))
                .bind("limit", limit)
                .map(ServiceRecordStore::record).all();
    }

    private static ServiceRecord record(Readable row) {
        return new ServiceRecord(row.get("id", UUID.class), row.get("member_id", UUID.class),
                row.get("hours", BigDecimal.class), row.get("served_on", LocalDate.class),
                Optional.ofNullable(row.get("wish_id", UUID.class)), Optional.ofNullable(row.get("activity", String.class)),
                ServiceRecord.Status.valueOf(row.get("status", String.class)),
                row.get("recorded_at", OffsetDateTime.class).toInstant());
    }
}
