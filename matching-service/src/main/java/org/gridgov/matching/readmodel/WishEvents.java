package org.gridgov.matching.readmodel;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

import org.gridgov.contracts.EventType;
import org.gridgov.contracts.Topic;
import org.gridgov.kit.data.Sql;
import org.gridgov.kit.events.CloudEvent;
import org.gridgov.kit.inbox.EventHandler;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps wishes (where they are, who claimed them, whether they were done on time) and the needs
 * lists from {@code wish.events}. A wish's events share its key, so they arrive in order.
 */
@Component
class WishEvents implements EventHandler {

    private final DatabaseClient db;
    private final JsonMapper json;

    WishEvents(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    @Override
    public String name() {
        return "wish-read-model";
    }

    @Override
    public Set<Topic> topics() {
        return Set.of(Topic.WISH_EVENTS);
    }

    @Override
    public Mono<Void> handle(CloudEvent event) {
        EventType type = EventType.byType(event.type()).orElseThrow();
        EventData data = EventData.of(json, event);
        return switch (type) {
            case WISH_SUBMITTED -> submitted(data);
            case WISH_DISPATCHED, WISH_REJECTED, WISH_CANCELLED -> run(update(data, "status = :status"));
            case WISH_CLAIMED -> run(update(data, """
                    status = :status, claimer_kind = :claimerKind, claimer_id = :claimerId, claimed_at = :occurredAt,
                    fulfil_escalated = false""")
                    .bind("claimerKind", data.at("claimer").text("kind"))
                    .bind("claimerId", data.at("claimer").uuid("id"))
                    .bind("occurredAt", data.time("occurredAt")));
            case WISH_RELEASED -> run(update(data, """
                    status = :status, claimer_kind = null, claimer_id = null, claimed_at = null, fulfil_escalated = false"""));
            case WISH_FULFILLED -> run(update(data, "status = :status, fulfilled_at = :occurredAt")
                    .bind("occurredAt", data.time("occurredAt")));
            case WISH_CLOSED -> run(update(data, "status = :status, fulfilled_at = coalesce(fulfilled_at, :occurredAt)")
                    .bind("occurredAt", data.time("occurredAt")));
            // late if the fulfil step's deadline ran out while someone held the claim
            case WISH_ESCALATED -> "FULFIL".equals(data.text("slaStep"))
                    ? run(db.sql("update wish set fulfil_escalated = claimer_id is not null where id = :id")
                            .bind("id", data.uuid("wishId")))
                    : Mono.empty();
            case NEED_RECORDED, NEED_PUBLISHED -> need(data, type == EventType.NEED_PUBLISHED);
            default -> Mono.empty();
        };
    }

    private Mono<Void> submitted(EventData data) {
        return Sql.bindNullable(db.sql("""
                                insert into wish (id, category, community_id, grid_id, micro_grid_id, status, submitted_at, wanted_by)
                                values (:id, :category, :communityId, :gridId, :microGridId, :status, :occurredAt, :wantedBy)
                                on conflict (id) do nothing""")
                        .bind("id", data.uuid("wishId"))
                        .bind("category", data.text("category"))
                        .bind("communityId", data.uuid("communityId"))
                        .bind("gridId", data.uuid("gridId"))
                        .bind("microGridId", data.uuid("microGridId"))
                        .bind("status", data.text("status"))
                        .bind("occurredAt", data.time("occurredAt")),
                "wantedBy", data.time("wantedBy"), OffsetDateTime.class)
                .fetch().rowsUpdated().then();
    }

    /** Sets columns of a known wish, with its id and new status bound; a wish never heard of changes nothing. */
    private DatabaseClient.GenericExecuteSpec update(EventData data, String assignments) {
        return db.sql("update wish set " + assignments + " where id = :id")
                .bind("id", data.uuid("wishId"))
                .bind("status", data.text("status"));
    }

    private static Mono<Void> run(DatabaseClient.GenericExecuteSpec statement) {
        return statement.fetch().rowsUpdated().then();
    }

    /** Recorded needs wait for publication; only published needs go into project lists. */
    private Mono<Void> need(EventData data, boolean published) {
        UUID id = data.uuid("needId");
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
                .bind("category", data.text("category"))
                .bind("communityId", data.uuid("communityId"))
                .bind("gridId", data.uuid("gridId"))
                .bind("households", data.integer("householdsAffected"))
                .bind("priority", data.text("priority"))
                .bind("status", published ? "PUBLISHED" : "RECORDED")
                .bind("occurredAt", data.time("occurredAt"));
        spec = Sql.bindNullable(spec, "title", data.text("title"), String.class);
        spec = Sql.bindNullable(spec, "publishedAt", published ? data.time("occurredAt") : null,
                OffsetDateTime.class);
        return spec.fetch().rowsUpdated().then();
    }
}
