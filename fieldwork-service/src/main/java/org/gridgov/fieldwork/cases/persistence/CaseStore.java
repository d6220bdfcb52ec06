package org.gridgov.fieldwork.cases.persistence;

import static org.gridgov.kit.data.Sql.nullable;
import static org.gridgov.kit.data.Sql.utc;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.gridgov.contracts.Category;
import org.gridgov.fieldwork.cases.domain.CaseSource;
import org.gridgov.fieldwork.cases.domain.CaseStatus;
import org.gridgov.fieldwork.cases.domain.FieldCase;
import org.gridgov.fieldwork.cases.domain.Severity;
import org.gridgov.kit.data.Sql;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Cases, as SQL; a command reads its case {@link #findForUpdate locked} and writes it back. */
@Component
public record CaseStore(DatabaseClient db) {

    public Mono<Void> insert(FieldCase c) {
        FieldCase.Report r = c.report();
        return write(db.sql("""
                        insert into field_case (id, community_id, street_id, micro_grid_id, category, description,
                            households_affected, shops_affected, severity, photo_urls, source, patrol_id, visit_id,
                            visit_finding, reported_by,
                            status, department_id, decline_reason, handling_note, rework_count, reported_at,
                            referred_at, acknowledged_at, first_handled_at, handled_at, closed_at, due_at, reminded_at,
                            escalated_at, acknowledged_on_time, handled_on_time, updated_at)
                        values (:id, :community, :street, :microGrid, :category, :description, :households, :shops,
                            :severity, :photos, :source, :patrol, :visit, :visitFinding, :reportedBy, :status, :department, :declineReason,
                            :handlingNote, :reworkCount, :reportedAt, :referredAt, :acknowledgedAt, :firstHandledAt,
                            :handledAt, :closedAt, :dueAt, :remindedAt, :escalatedAt, :ackOnTime, :handledOnTime,
                            :updatedAt)""")
                .bind("community", r.communityId())
                .bind("street", nullable(r.streetId(), UUID.class))
                .bind("microGrid", r.microGridId())
                .bind("category", r.category().name())
                .bind("description", r.description())
                .bind("households", r.householdsAffected())
                .bind("shops", r.shopsAffected())
                .bind("severity", r.severity().name())
                .bind("photos", r.photoUrls().toArray(String[]::new))
                .bind("source", r.source().name())
                .bind("patrol", nullable(r.patrolId(), UUID.class))
                .bind("visit", nullable(r.fromVisit() == null ? null : r.fromVisit().visitId(), UUID.class))
                .bind("visitFinding", nullable(r.fromVisit() == null ? null : r.fromVisit().finding(), Integer.class))
                .bind("reportedBy", r.reportedBy()), c).then();
    }

    /** Writes the case's progress back. */
    public Mono<FieldCase> update(FieldCase c) {
        return write(db.sql("""
                        update field_case set status = :status, department_id = :department,
                            decline_reason = :declineReason, handling_note = :handlingNote, rework_count = :reworkCount,
                            reported_at = :reportedAt, referred_at = :referredAt, acknowledged_at = :acknowledgedAt,
                            first_handled_at = :firstHandledAt, handled_at = :handledAt, closed_at = :closedAt,
                            due_at = :dueAt, reminded_at = :remindedAt, escalated_at = :escalatedAt,
                            acknowledged_on_time = :ackOnTime, handled_on_time = :handledOnTime, updated_at = :updatedAt
                        where id = :id"""), c).thenReturn(c);
    }

    private static Mono<Long> write(DatabaseClient.GenericExecuteSpec spec, FieldCase c) {
        FieldCase.Progress p = c.progress();
        return spec.bind("id", c.id())
                .bind("status", p.status().name())
                .bind("department", nullable(p.departmentId(), UUID.class))
                .bind("declineReason", nullable(p.declineReason(), String.class))
                .bind("handlingNote", nullable(p.handlingNote(), String.class))
                .bind("reworkCount", p.reworkCount())
                .bind("reportedAt", utc(p.reportedAt()))
                .bind("referredAt", time(p.referredAt()))
                .bind("acknowledgedAt", time(p.acknowledgedAt()))
                .bind("firstHandledAt", time(p.firstHandledAt()))
                .bind("handledAt", time(p.handledAt()))
                .bind("closedAt", time(p.closedAt()))
                .bind("dueAt", time(p.dueAt()))
                .bind("remindedAt", time(p.remindedAt()))
                .bind("escalatedAt", time(p.escalatedAt()))
                .bind("ackOnTime", nullable(p.acknowledgedOnTime(), Boolean.class))
                .bind("handledOnTime", nullable(p.handledOnTime(), Boolean.class))
                .bind("updatedAt", utc(p.updatedAt()))
                .fetch().rowsUpdated();
    }

    private static org.springframework.r2dbc.core.Parameter time(Instant at) {
        return nullable(at == null ? null : utc(at), java.time.OffsetDateTime.class);
    }

    public Mono<FieldCase> find(UUID id) {
        return db.sql("select * from field_case where id = :id").bind("id", id).map(CaseStore::fieldCase).one();
    }

    public Mono<FieldCase> findForUpdate(UUID id) {
        return db.sql("select * from field_case where id = :id for update").bind("id", id)
                .map(CaseStore::fieldCase).one();
    }

    /** Cases of a community (or all its micro-grids below a node), newest first, optionally of some statuses. */
    public Flux<FieldCase> under(UUID nodeId, List<CaseStatus> statuses, int limit) {
        return db.sql("""
                        select c.* from field_case c join kit_grid_node n on n.id = c.micro_grid_id
                        where (n.id = :node or :node = any(n.path)) and c.status = any(:statuses)
                        order by c.reported_at desc, c.id limit :limit""")
                .bind("node", nodeId).bind("statuses", names(statuses)).bind("limit", limit)
                .map(CaseStore::fieldCase).all();
    }

    /** The cases made of a visit's findings, by the finding's position. */
    public Flux<FieldCase> fromVisit(UUID visitId) {
        return db.sql("select * from field_case where visit_id = :visit order by visit_finding")
                .bind("visit", visitId).map(CaseStore::fieldCase).all();
    }

    /** A department's cases, newest referral first. */
    public Flux<FieldCase> ofDepartment(UUID departmentId, List<CaseStatus> statuses, int limit) {
        return db.sql("""
                        select * from field_case where department_id = :department and status = any(:statuses)
                        order by referred_at desc, id limit :limit""")
                .bind("department", departmentId).bind("statuses", names(statuses)).bind("limit", limit)
                .map(CaseStore::fieldCase).all();
    }

    /**
     * Cases whose department is past its step's SLA and not yet escalated, locked until the transaction ends;
     * a case another replica holds is skipped, so each alert is sent by one replica only.
     */
    public Flux<FieldCase> lockDue(Instant now, int limit) {
        return db.sql("""
                        select * from field_case
                        where status in ('REFERRED', 'ACKNOWLEDGED') and escalated_at is null and due_at <= :now
                        order by due_at limit :limit for update skip locked""")
                .bind("now", utc(now)).bind("limit", limit)
                .map(CaseStore::fieldCase).all();
    }

    private static String[] names(List<CaseStatus> statuses) {
        return statuses.stream().map(Enum::name).toArray(String[]::new);
    }

    private static Instant at(Readable row, String column) {
        return Sql.instant(row, column).orElse(null);
    }

    private static FieldCase.VisitFinding fromVisit(Readable row) {
        UUID visit = row.get("visit_id", UUID.class);
        return visit == null ? null : new FieldCase.VisitFinding(visit, row.get("visit_finding", Integer.class));
    }

    private static FieldCase fieldCase(Readable row) {
        FieldCase.Report report = new FieldCase.Report(row.get("community_id", UUID.class),
                row.get("street_id", UUID.class), row.get("micro_grid_id", UUID.class),
                Category.valueOf(row.get("category", String.class)), row.get("description", String.class),
                row.get("households_affected", Integer.class), row.get("shops_affected", Integer.class),
                Severity.valueOf(row.get("severity", String.class)),
                Arrays.asList(row.get("photo_urls", String[].class)), CaseSource.valueOf(row.get("source", String.class)),
                row.get("patrol_id", UUID.class), fromVisit(row), row.get("reported_by", String.class));
        FieldCase.Progress progress = new FieldCase.Progress(CaseStatus.valueOf(row.get("status", String.class)),
                row.get("department_id", UUID.class), row.get("decline_reason", String.class),
                row.get("handling_note", String.class), row.get("rework_count", Integer.class),
                at(row, "reported_at"), at(row, "referred_at"), at(row, "acknowledged_at"),
                at(row, "first_handled_at"), at(row, "handled_at"), at(row, "closed_at"), at(row, "due_at"),
                at(row, "reminded_at"), at(row, "escalated_at"), row.get("acknowledged_on_time", Boolean.class),
                row.get("handled_on_time", Boolean.class), at(row, "updated_at"));
        return new FieldCase(row.get("id", UUID.class), report, progress);
    }
}
