package org.gridgov.committee.readmodel;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.gridgov.contracts.events.Claimer;
import org.gridgov.contracts.events.WishClaimed;
import org.gridgov.contracts.events.WishClosed;
import org.gridgov.contracts.events.WishEscalated;
import org.gridgov.contracts.events.WishFulfilled;
import org.gridgov.contracts.events.WishReleased;
import org.gridgov.contracts.events.WishSubmitted;
import org.gridgov.kit.data.Sql;
import org.gridgov.kit.inbox.EventSubscriber;
import org.gridgov.kit.inbox.TypedEventHandler;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keeps the member units' wishes from {@code wish.events} for the year-end assessment: which they claimed,
 * fulfilled (by the wanted date and before the fulfilment deadline, or late) and how residents rated them.
 * One wish's events arrive in order (the wish id is the key); a unit claiming again starts its claim afresh.
 */
@Component
record WishEvents(DatabaseClient db) implements EventSubscriber {

    @Override
    public TypedEventHandler handlers() {
        return TypedEventHandler.named("wish-read-model")
                .on(WishSubmitted.class, this::submitted)
                .on(WishClaimed.class, claimed -> unit(claimed.claimer()).map(unit -> update("""
                        insert into wish_claim (wish_id, unit_id, claimed_at) select id, :unit, :at from wish where id = :wish
                        on conflict (wish_id, unit_id) do update set claimed_at = excluded.claimed_at, released_at = null,
                            fulfilled_at = null, late = false, closed_at = null, rating = null""",
                        claimed.wishId(), unit, claimed.occurredAt())).orElse(Mono.empty()))
                .on(WishReleased.class, released -> unit(released.claimer()).map(unit -> update(
                        "update wish_claim set released_at = :at where wish_id = :wish and unit_id = :unit",
                        released.wishId(), unit, released.occurredAt())).orElse(Mono.empty()))
                .on(WishFulfilled.class, fulfilled -> unit(fulfilled.claimer()).map(unit -> update("""
                        update wish_claim c set fulfilled_at = :at,
                            late = c.late or coalesce(:at > (select wanted_by from wish w where w.id = c.wish_id), false)
                        where wish_id = :wish and unit_id = :unit and released_at is null""",
                        fulfilled.wishId(), unit, fulfilled.occurredAt())).orElse(Mono.empty()))
                .on(WishClosed.class, this::closed)
                .on(WishEscalated.class, this::escalated);
    }

    private Mono<Void> submitted(WishSubmitted submitted) {
        return db.sql("insert into wish (id, community_id, wanted_by) values (:id, :community, :wantedBy) on conflict do nothing")
                .bind("id", submitted.wishId()).bind("community", submitted.communityId())
                .bind("wantedBy", Sql.optional(Optional.ofNullable(submitted.wantedBy()).map(Sql::utc),
                        java.time.OffsetDateTime.class))
                .fetch().rowsUpdated().then();
    }

    private Mono<Void> closed(WishClosed closed) {
        return unit(closed.claimer()).map(unit -> db.sql("""
                        update wish_claim set closed_at = :at, rating = :rating
                        where wish_id = :wish and unit_id = :unit and released_at is null""")
                .bind("wish", closed.wishId()).bind("unit", unit).bind("at", Sql.utc(closed.occurredAt()))
                .bind("rating", Sql.optional(Optional.ofNullable(closed.rating()), Integer.class))
                .fetch().rowsUpdated().then()).orElse(Mono.empty());
    }

    /** The fulfilment deadline passed while a unit held the wish: its fulfilment is late whenever it comes. */
    private Mono<Void> escalated(WishEscalated escalated) {
        if (!"FULFIL".equals(escalated.slaStep())) {
            return Mono.empty();
        }
        return db.sql("update wish_claim set late = true where wish_id = :wish and released_at is null and fulfilled_at is null")
                .bind("wish", escalated.wishId()).fetch().rowsUpdated().then();
    }

    private Mono<Void> update(String sql, UUID wish, UUID unit, Instant at) {
        return db.sql(sql).bind("wish", wish).bind("unit", unit).bind("at", Sql.utc(at)).fetch().rowsUpdated().then();
    }

    /** The claiming unit; empty when a party member claimed in person. */
    private static Optional<UUID> unit(Claimer claimer) {
        return Optional.ofNullable(claimer).filter(c -> "UNIT".equals(c.kind())).map(Claimer::id);
    }
}
