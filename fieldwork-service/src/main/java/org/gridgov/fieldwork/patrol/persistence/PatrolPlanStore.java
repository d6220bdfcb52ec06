package org.gridgov.fieldwork.patrol.persistence;

import static org.gridgov.kit.data.Sql.utc;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.gridgov.fieldwork.patrol.domain.PatrolPlan;
import org.gridgov.kit.data.Sql;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Grids' patrol plans, their next due time, and the patrols missed. */
@Component
public record PatrolPlanStore(DatabaseClient db) {

    /** Sets the grid's plan: a new one, or the places, period and next due time of the one it had (misses kept). */
    public Mono<Void> set(PatrolPlan p) {
        return db.sql("""
                        insert into patrol_plan (id, grid_id, community_id, places, every_days, planned_by, planned_at, due_at)
                        values (:id, :grid, :community, :places, :every, :by, :at, :due)
                        on conflict (grid_id) do update set places = excluded.places, every_days = excluded.every_days,
                            planned_by = excluded.planned_by, planned_at = excluded.planned_at, due_at = excluded.due_at,
                            version = patrol_plan.version + 1""")
                .bind("id", p.id()).bind("grid", p.gridId()).bind("community", p.communityId())
                .bind("places", p.places().toArray(String[]::new)).bind("every", p.everyDays())
                .bind("by", p.plannedBy()).bind("at", utc(p.plannedAt())).bind("due", utc(p.dueAt()))
                .fetch().rowsUpdated().then();
    }

    public Mono<PatrolPlan> find(UUID id) {
        return db.sql("select * from patrol_plan where id = :id").bind("id", id).map(PatrolPlanStore::plan).one();
    }

    /** The plans of grids at or below the node. */
    public Flux<PatrolPlan> under(UUID node, int limit) {
        return db.sql("""
                        select p.* from patrol_plan p join kit_grid_node n on n.id = p.grid_id
                        where n.id = :node or :node = any(n.path) order by p.planned_at, p.id limit :limit""")
                .bind("node", node).bind("limit", limit).map(PatrolPlanStore::plan).all();
    }

    /** A patrol of the grid started: the grid's plan (if any) is due again a period later. */
    public Mono<Void> patrolled(UUID gridId, Instant at) {
        return db.sql("""
                        update patrol_plan set due_at = greatest(due_at, :at + make_interval(days => every_days)),
                            missed_in_a_row = 0, version = version + 1
                        where grid_id = :grid""")
                .bind("grid", gridId).bind("at", utc(at))
                .fetch().rowsUpdated().then();
    }

    public Flux<PatrolPlan> lockDue(Instant now, int limit) {
        return db.sql("select * from patrol_plan where due_at <= :now order by due_at limit :limit for update skip locked")
                .bind("now", utc(now)).bind("limit", limit).map(PatrolPlanStore::plan).all();
    }

    /** Records the missed patrol and moves the plan on, in the caller's transaction. */
    public Mono<Void> missed(PatrolPlan.Missed missed, Instant now) {
        PatrolPlan p = missed.plan();
        return db.sql("""
                        insert into patrol_missed (plan_id, due_at, grid_id, community_id, recorded_at)
                        values (:plan, :due, :grid, :community, :now) on conflict do nothing""")
                .bind("plan", p.id()).bind("due", utc(missed.dueAt())).bind("grid", p.gridId())
                .bind("community", p.communityId()).bind("now", utc(now))
                .fetch().rowsUpdated()
                .then(db.sql("""
                                update patrol_plan set due_at = :next, missed_in_a_row = :missed, version = version + 1
                                where id = :id""")
                        .bind("id", p.id()).bind("next", utc(p.dueAt())).bind("missed", p.missedInARow())
                        .fetch().rowsUpdated())
                .then();
    }

    /** When patrols of the plan were missed since {@code from}, newest first. */
    public Flux<Instant> missedSince(UUID planId, Instant from) {
        return db.sql("select due_at from patrol_missed where plan_id = :plan and due_at >= :from order by due_at desc")
                .bind("plan", planId).bind("from", utc(from))
                .map(row -> Sql.instant(row, "due_at").orElseThrow()).all();
    }

    private static PatrolPlan plan(Readable row) {
        return new PatrolPlan(row.get("id", UUID.class), row.get("grid_id", UUID.class),
                row.get("community_id", UUID.class), Arrays.asList(row.get("places", String[].class)),
                row.get("every_days", Integer.class), row.get("planned_by", String.class),
                Sql.instant(row, "planned_at").orElseThrow(), Sql.instant(row, "due_at").orElseThrow(),
                row.get("missed_in_a_row", Integer.class), row.get("version", Long.class));
    }
}
