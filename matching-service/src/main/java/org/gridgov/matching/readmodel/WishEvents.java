package org.gridgov.matching.readmodel;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.gridgov.contracts.Category;
import org.gridgov.contracts.events.NeedPublished;
import org.gridgov.contracts.events.NeedRecorded;
import org.gridgov.contracts.events.WishCancelled;
import org.gridgov.contracts.events.WishClaimed;
import org.gridgov.contracts.events.WishClosed;
import org.gridgov.contracts.events.WishDispatched;
import org.gridgov.contracts.events.WishEscalated;
import org.gridgov.contracts.events.WishFulfilled;
import org.gridgov.contracts.events.WishInformationGiven;
import org.gridgov.contracts.events.WishInformationRequested;
import org.gridgov.contracts.events.WishRejected;
import org.gridgov.contracts.events.WishReleased;
import org.gridgov.contracts.events.WishReopened;
import org.gridgov.contracts.events.WishSubmitted;
import org.gridgov.kit.inbox.EventSubscriber;
import org.gridgov.kit.inbox.TypedEventHandler;
import org.gridgov.kit.data.Sql;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keeps wishes (where they are, who claimed them, whether they were done on time) and the needs
 * lists from {@code wish.events}. A wish's events share its key, so they arrive in order.
 */
@Component
record WishEvents(DatabaseClient db) implements EventSubscriber {

    @Override
    public TypedEventHandler handlers() {
        return TypedEventHandler.named("wish-read-model")
                .on(WishSubmitted.class, this::submitted)
                .on(WishDispatched.class, dispatched -> newStatus(dispatched.wishId(), dispatched.status()))
                .on(WishRejected.class, rejected -> newStatus(rejected.wishId(), rejected.status()))
                .on(WishCancelled.class, cancelled -> newStatus(cancelled.wishId(), cancelled.status()))
                .on(WishClaimed.class, claimed -> run(update(claimed.wishId(), claimed.status(), """
                        status = :status, claimer_kind = :claimerKind, claimer_id = :claimerId, claimed_at = :occurredAt,
                        fulfil_escalated = false""")
                        .bind("claimerKind", claimed.claimer().kind())
                        .bind("claimerId", claimed.claimer().id())
                        .bind("occurredAt", utc(claimed.occurredAt()))))
                .on(WishReleased.class, released -> run(update(released.wishId(), released.status(), """
                        status = :status, claimer_kind = null, claimer_id = null, claimed_at = null,
                        fulfil_escalated = false""")))
                .on(WishFulfilled.class, fulfilled -> run(update(fulfilled.wishId(), fulfilled.status(),
                        "status = :status, fulfilled_at = :occurredAt").bind("occurredAt", utc(fulfilled.occurredAt()))))
                .on(WishClosed.class, closed -> run(update(closed.wishId(), closed.status(),
                        "status = :status, fulfilled_at = coalesce(fulfilled_at, :occurredAt)")
                        .bind("occurredAt", utc(closed.occurredAt()))))
                // the resident reopened it: the claim that ended in the close is over, the wish open for claiming
                .on(WishReopened.class, reopened -> run(update(reopened.wishId(), reopened.status(), """
                        status = :status, claimer_kind = null, claimer_id = null, claimed_at = null, fulfilled_at = null,
                        fulfil_escalated = false""")))
                .on(WishInformationRequested.class, asked -> newStatus(asked.wishId(), asked.status()))
                .on(WishInformationGiven.class, answered -> newStatus(answered.wishId(), answered.status()))
                // late if the fulfil step's deadline ran out while someone held the claim
                .on(WishEscalated.class, escalated -> "FULFIL".equals(escalated.slaStep())
                        ? run(db.sql("update wish set fulfil_escalated = claimer_id is not null where id = :id")
                                .bind("id", escalated.wishId()))
                        : Mono.empty())
                .on(NeedRecorded.class, need -> need(need.needId(), need.category(), need.title(), need.communityId(),
                        need.gridId(), need.householdsAffected(), need.priority(), need.occurredAt(), false))
                .on(NeedPublished.class, need -> need(need.needId(), need.category(), need.title(), need.communityId(),
                        need.gridId(), need.householdsAffected(), need.priority(), need.occurredAt(), true));
    }

    private Mono<Void> submitted(WishSubmitted wish) {
        return Sql.bindNullable(db.sql("""
                                insert into wish (id, category, community_id, grid_id, micro_grid_id, status, submitted_at, wanted_by)
                                values (:id, :category, :communityId, :gridId, :microGridId, :status, :occurredAt, :wantedBy)
                                on conflict (id) do nothing""")
                        .bind("id", wish.wishId())
                        .bind("category", wish.category().name())
                        .bind("communityId", wish.communityId())
                        .bind("gridId", wish.gridId())
                        .bind("microGridId", wish.microGridId())
                        .bind("status", wish.status())
                        .bind("occurredAt", utc(wish.occurredAt())),
                "wantedBy", wish.wantedBy() == null ? null : utc(wish.wantedBy()), OffsetDateTime.class)
                .fetch().rowsUpdated().then();
    }

    /** Sets columns of a known wish, with its id and new status bound; a wish never heard of changes nothing. */
    private Mono<Void> newStatus(UUID wishId, String status) {
        return run(update(wishId, status, "status = :status"));
    }

    private DatabaseClient.GenericExecuteSpec update(UUID wishId, String status, String assignments) {
        return db.sql("update wish set " + assignments + " where id = :id")
                .bind("id", wishId)
                .bind("status", status);
    }

    private static Mono<Void> run(DatabaseClient.GenericExecuteSpec statement) {
        return statement.fetch().rowsUpdated().then();
    }

    /** Recorded needs wait for publication; only published needs go into project lists. */
    private Mono<Void> need(UUID id, Category category, String title, UUID communityId, UUID gridId, int households,
                            String priority, Instant occurredAt, boolean published) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        insert into need (id, category, title, community_id, grid_id, households_affected, priority, status,
                                          recorded_at, published_at)
                        values (:id, :category, :title, :communityId, :gridId, :households, :priority, :status,
                                :occurredAt, :publishedAt)
                        on conflict (id) do update set category = excluded.category, title = excluded.title,
                            community_id = excluded.community_id, grid_id = excluded.grid_id,
                            households_affected = excluded.households_affected, priority = excluded.priority,
                            status = case when need.published_at is null then excluded.status else need.status end,
                            published_at = coalesce(need.published_at, excluded.published_at)""")
                .bind("id", id)
                .bind("category", category.name())
                .bind("communityId", communityId)
                .bind("gridId", gridId)
                .bind("households", households)
                .bind("priority", priority)
                .bind("status", published ? "PUBLISHED" : "RECORDED")
                .bind("occurredAt", utc(occurredAt));
        spec = Sql.bindNullable(spec, "title", title, String.class);
        spec = Sql.bindNullable(spec, "publishedAt", published ? utc(occurredAt) : null, OffsetDateTime.class);
        return spec.fetch().rowsUpdated().then();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
