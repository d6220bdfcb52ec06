package org.gridgov.fieldwork.patrol.persistence;

import static org.gridgov.kit.data.Sql.nullable;
import static org.gridgov.kit.data.Sql.utc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.gridgov.fieldwork.patrol.domain.Patrol;
import org.gridgov.fieldwork.patrol.domain.PatrolStatus;
import org.gridgov.kit.data.Sql;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Patrols and their check-ins. */
@Component
public record PatrolStore(DatabaseClient db) {

    public Mono<Void> insert(Patrol p) {
        return db.sql("""
                        insert into patrol (id, grid_id, community_id, staff, status, started_at, ended_at, check_ins, findings)
                        values (:id, :grid, :community, :staff, :status, :startedAt, null, 0, 0)""")
                .bind("id", p.id()).bind("grid", p.gridId()).bind("community", p.communityId()).bind("staff", p.staff())
                .bind("status", p.status().name()).bind("startedAt", utc(p.startedAt()))
                .fetch().rowsUpdated().then();
    }

    public Mono<Patrol> update(Patrol p) {
        return db.sql("""
                        update patrol set status = :status, ended_at = :endedAt, check_ins = :checkIns, findings = :findings
                        where id = :id""")
                .bind("id", p.id()).bind("status", p.status().name())
                .bind("endedAt", nullable(p.endedAt() == null ? null : utc(p.endedAt()), OffsetDateTime.class))
                .bind("checkIns", p.checkIns()).bind("findings", p.findings())
                .fetch().rowsUpdated().thenReturn(p);
    }

    public Mono<Void> insertCheckIn(UUID patrolId, Patrol.CheckIn checkIn) {
        return db.sql("""
                        insert into patrol_check_in (patrol_id, position, place, at, latitude, longitude)
                        values (:patrol, :position, :place, :at, :lat, :long)""")
                .bind("patrol", patrolId).bind("position", checkIn.position()).bind("place", checkIn.place())
                .bind("at", utc(checkIn.at()))
                .bind("lat", nullable(checkIn.latitude(), Double.class))
                .bind("long", nullable(checkIn.longitude(), Double.class))
                .fetch().rowsUpdated().then();
    }

    public Mono<Patrol> find(UUID id) {
        return db.sql("select * from patrol where id = :id").bind("id", id).map(PatrolStore::patrol).one();
    }

    public Mono<Patrol> findForUpdate(UUID id) {
        return db.sql("select * from patrol where id = :id for update").bind("id", id).map(PatrolStore::patrol).one();
    }

    public Flux<Patrol.CheckIn> checkIns(UUID patrolId) {
        return db.sql("select * from patrol_check_in where patrol_id = :id order by position").bind("id", patrolId)
                .map(row -> new Patrol.CheckIn(row.get("position", Integer.class), row.get("place", String.class),
                        Sql.instant(row, "at").orElseThrow(), row.get("latitude", Double.class),
                        row.get("longitude", Double.class)))
                .all();
    }

    /** Patrols of grids below the node started in [from, to), optionally by one staff member, newest first. */
    public Flux<Patrol> under(UUID nodeId, Instant from, Instant to, String staff, int limit) {
        return db.sql("""
                        select p.* from patrol p join kit_grid_node n on n.id = p.grid_id
                        where (n.id = :node or :node = any(n.path)) and p.started_at >= :from and p.started_at < :to
                          and (cast(:staff as text) is null or p.staff = :staff)
                        order by p.started_at desc, p.id limit :limit""")
                .bind("node", nodeId).bind("from", utc(from)).bind("to", utc(to))
                .bind("staff", nullable(staff, String.class)).bind("limit", limit)
                .map(PatrolStore::patrol).all();
    }

    /** A staff member's patrols started in [from, to). */
    public Flux<Patrol> of(String staff, Instant from, Instant to) {
        return db.sql("select * from patrol where staff = :staff and started_at >= :from and started_at < :to order by started_at")
                .bind("staff", staff).bind("from", utc(from)).bind("to", utc(to))
                .map(PatrolStore::patrol).all();
    }

    private static Patrol patrol(Readable row) {
        return new Patrol(row.get("id", UUID.class), row.get("grid_id", UUID.class), row.get("community_id", UUID.class),
                row.get("staff", String.class), PatrolStatus.valueOf(row.get("status", String.class)),
                Sql.instant(row, "started_at").orElseThrow(), Sql.instant(row, "ended_at").orElse(null),
                row.get("check_ins", Integer.class), row.get("findings", Integer.class));
    }
}
