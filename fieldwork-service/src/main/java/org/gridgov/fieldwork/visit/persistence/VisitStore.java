package org.gridgov.fieldwork.visit.persistence;

import static org.gridgov.kit.data.Sql.nullable;
import static org.gridgov.kit.data.Sql.utc;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.gridgov.fieldwork.visit.domain.Coverage;
import org.gridgov.fieldwork.visit.domain.Visit;
import org.gridgov.kit.data.Sql;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Visits, the households they may go to, and coverage figures. */
@Component
public record VisitStore(DatabaseClient db) {

    /** The micro-grid the household lies in, as grid-service announced it. */
    public Mono<UUID> microGridOf(UUID householdId) {
        return db.sql("select micro_grid_id from household_place where household_id = :id").bind("id", householdId)
                .map(row -> row.get(0, UUID.class)).one();
    }

    public Mono<Void> insert(Visit v) {
        return db.sql("""
                        insert into visit (id, household_id, micro_grid_id, community_id, staff, kind, note, findings,
                                           visited_at, recorded_at)
                        values (:id, :household, :microGrid, :community, :staff, :kind, :note, :findings, :visitedAt,
                                :recordedAt)""")
                .bind("id", v.id()).bind("household", v.householdId()).bind("microGrid", v.microGridId())
                .bind("community", v.communityId()).bind("staff", v.staff()).bind("kind", v.kind().name())
                .bind("note", v.note()).bind("findings", v.findings().toArray(String[]::new))
                .bind("visitedAt", utc(v.visitedAt())).bind("recordedAt", utc(v.recordedAt()))
                .fetch().rowsUpdated().then();
    }

    public Mono<Visit> find(UUID id) {
        return db.sql("select * from visit where id = :id").bind("id", id).map(VisitStore::visit).one();
    }

    /** The visit, locked until the transaction ends: one command at a time makes a case of its findings. */
    public Mono<Visit> findForUpdate(UUID id) {
        return db.sql("select * from visit where id = :id for update").bind("id", id).map(VisitStore::visit).one();
    }

    /** Links the visit's finding to the need it became; false when it became one already. */
    public Mono<Boolean> linkNeed(UUID visitId, int finding, UUID needId, String raisedBy, Instant at) {
        return db.sql("""
                        insert into visit_finding_need (visit_id, finding, need_id, raised_by, raised_at)
                        values (:visit, :finding, :need, :by, :at) on conflict (visit_id, finding) do nothing""")
                .bind("visit", visitId).bind("finding", finding).bind("need", needId).bind("by", raisedBy)
                .bind("at", utc(at)).fetch().rowsUpdated().map(rows -> rows > 0);
    }

    /** The needs the visit's findings became: finding position → need id. */
    public Flux<Map.Entry<Integer, UUID>> needsOf(UUID visitId) {
        return db.sql("select finding, need_id from visit_finding_need where visit_id = :visit order by finding")
                .bind("visit", visitId)
                .map(row -> Map.entry(row.get("finding", Integer.class), row.get("need_id", UUID.class))).all();
    }

    /** Visits to households below the node in [from, to), optionally by one staff member, newest first. */
    public Flux<Visit> under(UUID nodeId, Instant from, Instant to, String staff, int limit) {
        return db.sql("""
                        select v.* from visit v join kit_grid_node n on n.id = v.micro_grid_id
                        where (n.id = :node or :node = any(n.path)) and v.visited_at >= :from and v.visited_at < :to
                          and (cast(:staff as text) is null or v.staff = :staff)
                        order by v.visited_at desc, v.id limit :limit""")
                .bind("node", nodeId).bind("from", utc(from)).bind("to", utc(to))
                .bind("staff", nullable(staff, String.class)).bind("limit", limit)
                .map(VisitStore::visit).all();
    }

    /** A staff member's visits in [from, to), in order. */
    public Flux<Visit> of(String staff, Instant from, Instant to) {
        return db.sql("select * from visit where staff = :staff and visited_at >= :from and visited_at < :to order by visited_at")
                .bind("staff", staff).bind("from", utc(from)).bind("to", utc(to))
                .map(VisitStore::visit).all();
    }

    /** Per micro-grid below the node: its households, and how many of them were visited in [from, to). */
    public Flux<Coverage.MicroGrid> byMicroGrid(UUID nodeId, Instant from, Instant to) {
        return db.sql("""
                        select n.id, n.name,
                               (select count(*) from household_place h where h.micro_grid_id = n.id) as households,
                               (select count(distinct v.household_id) from visit v
                                 where v.micro_grid_id = n.id and v.visited_at >= :from and v.visited_at < :to) as visited
                        from kit_grid_node n
                        where n.kind = 'MICRO_GRID' and not n.retired and (n.id = :node or :node = any(n.path))
                        order by n.name, n.id""")
                .bind("node", nodeId).bind("from", utc(from)).bind("to", utc(to))
                .map(row -> Coverage.MicroGrid.of(row.get("id", UUID.class), row.get("name", String.class),
                        row.get("households", Long.class), row.get("visited", Long.class)))
                .all();
    }

    /** Per staff member: visits to households below the node in [from, to), and how many households. */
    public Flux<Coverage.Staff> byStaff(UUID nodeId, Instant from, Instant to) {
        return db.sql("""
                        select v.staff, count(*) as visits, count(distinct v.household_id) as households
                        from visit v join kit_grid_node n on n.id = v.micro_grid_id
                        where (n.id = :node or :node = any(n.path)) and v.visited_at >= :from and v.visited_at < :to
                        group by v.staff order by v.staff""")
                .bind("node", nodeId).bind("from", utc(from)).bind("to", utc(to))
                .map(row -> new Coverage.Staff(row.get("staff", String.class), row.get("visits", Long.class),
                        row.get("households", Long.class)))
                .all();
    }

    private static Visit visit(Readable row) {
        return new Visit(row.get("id", UUID.class), row.get("household_id", UUID.class),
                row.get("micro_grid_id", UUID.class), row.get("community_id", UUID.class), row.get("staff", String.class),
                Visit.Kind.valueOf(row.get("kind", String.class)), row.get("note", String.class),
                Arrays.asList(row.get("findings", String[].class)), Sql.instant(row, "visited_at").orElseThrow(),
                Sql.instant(row, "recorded_at").orElseThrow());
    }
}
