package org.gridgov.wish.sla.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.gridgov.kit.data.Sql;
import org.gridgov.wish.sla.domain.Deadline;
import org.gridgov.wish.sla.domain.SlaFiring;
import org.gridgov.wish.sla.domain.SlaStep;
import org.gridgov.wish.sla.domain.SlaTimer;
import org.gridgov.contracts.Category;
import org.gridgov.wish.wish.domain.EscalationLevel;
import org.gridgov.wish.wish.domain.Placement;
import org.gridgov.wish.wish.domain.WishStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The SLA timers (table {@code wish_sla}). Commands set a new step's deadline and never touch the
 * escalation level; the timers raise the level and never touch the wish row. So the two never
 * overwrite each other, and never wait for each other's locks in opposite order.
 */
@Component
public record SlaTimerStore(DatabaseClient db) {

    /** A timer that is due, locked for this replica, with what its events need about the wish. */
    public record DueTimer(UUID wishId, SlaTimer timer, WishStatus status, Placement placement) {
    }

    /**
     * Starts the deadline of the step the wish now waits in, or stops the timer (no deadline: the
     * wish is final). A step finished after its deadline marks the wish as having missed one.
     */
    public Mono<Void> schedule(UUID wishId, Category category, Optional<Deadline> deadline, Instant at) {
        DatabaseClient.GenericExecuteSpec upsert = db.sql("""
                        insert into wish_sla (wish_id, category, step, started_at, due_at, remind_at, reminded, next_fire_at)
                        values (:wishId, :category, :step, :startedAt, :dueAt, :remindAt, false, :remindAt)
                        on conflict (wish_id) do update set step = excluded.step, started_at = excluded.started_at,
                            due_at = excluded.due_at, remind_at = excluded.remind_at, reminded = false,
                            next_fire_at = excluded.next_fire_at, paused_at = null,
                            breached = wish_sla.breached or (wish_sla.due_at is not null
                                and wish_sla.due_at < coalesce(wish_sla.paused_at, :at))""")
                .bind("wishId", wishId)
                .bind("category", category.name())
                .bind("at", Sql.utc(at));
        upsert = Sql.bind(upsert, "step", deadline.map(d -> d.step().name()), String.class);
        upsert = Sql.bind(upsert, "startedAt", deadline.map(d -> Sql.utc(d.startedAt())), OffsetDateTime.class);
        upsert = Sql.bind(upsert, "dueAt", deadline.map(d -> Sql.utc(d.dueAt())), OffsetDateTime.class);
        upsert = Sql.bind(upsert, "remindAt", deadline.map(d -> Sql.utc(d.remindAt())), OffsetDateTime.class);
        return upsert.fetch().rowsUpdated().then();
    }

    /**
     * Stops the running deadline while the wish waits for the resident (AWAITING_INFO): with no
     * {@code next_fire_at} the timer cannot fire, on any replica, across restarts.
     */
    public Mono<Void> pause(UUID wishId, Instant at) {
        return db.sql("update wish_sla set paused_at = :at, next_fire_at = null where wish_id = :id and paused_at is null")
                .bind("id", wishId).bind("at", Sql.utc(at))
                .fetch().rowsUpdated().then();
    }

    /** Runs the paused deadline on, every instant of it later by the time the wish waited. */
    public Mono<Void> resume(UUID wishId, Instant at) {
        return db.sql("""
                        update wish_sla set started_at = started_at + (:at - paused_at),
                            due_at = due_at + (:at - paused_at), remind_at = remind_at + (:at - paused_at),
                            next_fire_at = case when due_at is null then null
                                when reminded then due_at + (:at - paused_at) else remind_at + (:at - paused_at) end,
                            paused_at = null
                        where wish_id = :id and paused_at is not null""")
                .bind("id", wishId).bind("at", Sql.utc(at))
                .fetch().rowsUpdated().then();
    }

    /**
     * Locks up to {@code limit} timers due at {@code now}, skipping those another replica holds:
     * each timer fires on exactly one replica. Must run inside the transaction that saves the firing.
     */
    public Flux<DueTimer> lockDue(Instant now, int limit) {
        return db.sql("""
                        select s.*, w.status, w.micro_grid_id, w.grid_id, w.community_id
                        from wish_sla s join wish w on w.id = s.wish_id
                        where s.next_fire_at <= :now
                        order by s.next_fire_at
                        limit :limit
                        for update of s skip locked""")
                .bind("now", Sql.utc(now)).bind("limit", limit)
                .map(SlaTimerStore::dueTimer)
                .all();
    }

    public Mono<Void> save(UUID wishId, SlaFiring firing) {
        if (firing.next().isEmpty()) {
            return db.sql("update wish_sla set next_fire_at = null, breached = breached or :breached where wish_id = :id")
                    .bind("id", wishId).bind("breached", firing.breached())
                    .fetch().rowsUpdated().then();
        }
        SlaTimer next = firing.next().get();
        Deadline deadline = next.deadline();
        return db.sql("""
                        update wish_sla set started_at = :startedAt, due_at = :dueAt, remind_at = :remindAt,
                            reminded = :reminded, next_fire_at = :nextFireAt, level = :level,
                            breached = breached or :breached
                        where wish_id = :id""")
                .bind("id", wishId)
                .bind("startedAt", Sql.utc(deadline.startedAt()))
                .bind("dueAt", Sql.utc(deadline.dueAt()))
                .bind("remindAt", Sql.utc(deadline.remindAt()))
                .bind("reminded", next.reminded())
                .bind("nextFireAt", Sql.utc(next.nextFireAt()))
                .bind("level", next.level().name())
                .bind("breached", firing.breached())
                .fetch().rowsUpdated().then();
    }

    private static DueTimer dueTimer(Readable row) {
        Deadline deadline = new Deadline(SlaStep.valueOf(row.get("step", String.class)),
                Sql.instant(row, "started_at").orElseThrow(), Sql.instant(row, "due_at").orElseThrow(),
                Sql.instant(row, "remind_at").orElseThrow());
        SlaTimer timer = new SlaTimer(Category.valueOf(row.get("category", String.class)), deadline,
                Boolean.TRUE.equals(row.get("reminded", Boolean.class)),
                EscalationLevel.valueOf(row.get("level", String.class)));
        return new DueTimer(row.get("wish_id", UUID.class), timer, WishStatus.valueOf(row.get("status", String.class)),
                new Placement(row.get("micro_grid_id", UUID.class), row.get("grid_id", UUID.class),
                        row.get("community_id", UUID.class)));
    }
}
