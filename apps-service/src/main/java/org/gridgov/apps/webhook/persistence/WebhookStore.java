package org.gridgov.apps.webhook.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.gridgov.kit.data.BulkInsert;
import org.gridgov.kit.data.Sql;
import org.gridgov.apps.webhook.domain.Subscription;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Webhook subscriptions, deliveries and their attempts (tables {@code webhook_*}). Secrets and payloads are stored sealed. */
@Component
public record WebhookStore(DatabaseClient db) {

    private static final BulkInsert<Place> PLACES = BulkInsert.<Place>into("event_place")
            .column("subject", UUID.class, Place::subject).column("node_id", UUID.class, Place::node)
            .then("on conflict do nothing");
    private static final BulkInsert<Pending> DELIVERIES = BulkInsert.<Pending>into("webhook_delivery")
            .column("id", UUID.class, pending -> pending.delivery().id())
            .column("subscription_id", UUID.class, pending -> pending.delivery().subscriptionId())
            .column("event_id", String.class, pending -> pending.delivery().eventId())
            .column("event_type", String.class, pending -> pending.delivery().eventType())
            .column("subject", String.class, pending -> pending.delivery().subject())
            .column("payload", String.class, pending -> pending.delivery().sealedPayload())
            .column("status", String.class, pending -> "PENDING")
            .timestamp("created_at", Pending::at).timestamp("retry_from", Pending::at).timestamp("next_attempt_at", Pending::at)
            .then("on conflict (subscription_id, event_id) do nothing");

    /** Where an aggregate is in the grid tree, as one of its events named it. */
    public record Place(UUID subject, UUID node) {
    }

    private record Pending(Queued delivery, Instant at) {
    }

    /** An active subscription of an active app to an event type, with what the fan-out needs of the app. */
    public record Subscriber(UUID subscriptionId, UUID appId, UUID jurisdiction, Set<String> scopes,
                             Set<String> eventTypes, Instant since) {

        /** Whether it takes an event of this type that happened then. */
        public boolean wants(String eventType, Instant time) {
            return eventTypes.contains(eventType) && !since.isAfter(time);
        }
    }

    /** A delivery claimed for sending, with where to and how to sign it. */
    public record Due(UUID id, UUID subscriptionId, String eventId, String eventType, String sealedPayload, int attempt,
                      Instant retryFrom, String url, String sealedSecret, boolean stillWanted) {
    }

    public record Delivery(UUID id, String eventId, String eventType, String subject, String status, int attempts,
                           Instant createdAt, Optional<Instant> nextAttemptAt, Optional<Instant> lastAttemptAt,
                           Optional<Integer> lastResponse, Optional<String> lastError, Optional<Instant> deliveredAt,
                           Optional<Instant> parkedAt) {
    }

    public record Attempt(UUID deliveryId, int attempt, Instant at, Optional<Integer> response, Optional<String> error,
                          int durationMs) {
    }

    public Mono<Void> insert(Subscription subscription, String sealedSecret) {
        return db.sql("""
                        insert into webhook_subscription (id, app_id, url, event_types, secret, status, created_at)
                        values (:id, :appId, :url, :types, :secret, :status, :at)""")
                .bind("id", subscription.id()).bind("appId", subscription.appId()).bind("url", subscription.url())
                .bind("types", subscription.eventTypes().toArray(String[]::new)).bind("secret", sealedSecret)
                .bind("status", subscription.status().name()).bind("at", Sql.utc(subscription.createdAt()))
                .fetch().rowsUpdated().then();
    }

    public Flux<Subscription> subscriptionsOf(UUID appId) {
        return db.sql("select * from webhook_subscription where app_id = :appId and status = 'ACTIVE' order by created_at, id")
                .bind("appId", appId).map(WebhookStore::subscription).all();
    }

    public Mono<Subscription> subscription(UUID appId, UUID id) {
        return db.sql("select * from webhook_subscription where app_id = :appId and id = :id and status = 'ACTIVE'")
                .bind("appId", appId).bind("id", id).map(WebhookStore::subscription).one();
    }

    public Mono<Void> delete(UUID id) {
        return db.sql("update webhook_subscription set status = 'DELETED' where id = :id").bind("id", id)
                .fetch().rowsUpdated().then();
    }

    /**
     * The active subscriptions to any of these event types, with the types each takes and since when: a
     * subscription receives the events from its creation on ({@link Subscriber#wants}), so an event read
     * again (a consumer rebuilding from the topic's start) is not sent to subscriptions made after it.
     */
    public Mono<List<Subscriber>> subscribersToAny(Collection<String> eventTypes) {
        return db.sql("""
                        select s.id, s.app_id, a.jurisdiction, a.scopes, s.event_types, s.created_at
                        from webhook_subscription s join client_app a on a.id = s.app_id
                        where s.status = 'ACTIVE' and a.status = 'ACTIVE' and s.event_types && :types""")
                .bind("types", eventTypes.toArray(String[]::new))
                .map(row -> new Subscriber(row.get("id", UUID.class), row.get("app_id", UUID.class),
                        row.get("jurisdiction", UUID.class), Set.copyOf(Arrays.asList(row.get("scopes", String[].class))),
                        Set.copyOf(Arrays.asList(row.get("event_types", String[].class))),
                        row.get("created_at", OffsetDateTime.class).toInstant()))
                .all().collectList();
    }

    /**
     * Remembers where aggregates are (the grid-tree node the first placed event of each named), so that
     * their later events, which name no place, reach the apps of that jurisdiction too. The first place
     * wins, in the order given.
     */
    public Mono<Void> placed(List<Place> places) {
        return PLACES.run(db, places).then();
    }

    /** The grid-tree nodes where these aggregates are, of those one of whose events named one. */
    public Mono<Map<UUID, UUID>> placesOf(Collection<UUID> subjects) {
        if (subjects.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("select subject, node_id from event_place where subject = any(:subjects)")
                .bind("subjects", subjects.stream().distinct().toArray(UUID[]::new))
                .map(row -> Map.entry(row.get("subject", UUID.class), row.get("node_id", UUID.class)))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** A delivery to queue. */
    public record Queued(UUID id, UUID subscriptionId, String eventId, String eventType, String subject,
                         String sealedPayload) {
    }

    /** Queues the deliveries in one statement; an event redelivered to the fan-out queues nothing twice. */
    public Mono<Void> enqueue(List<Queued> deliveries, Instant at) {
        return DELIVERIES.run(db, deliveries.stream().map(delivery -> new Pending(delivery, at)).toList()).then();
    }

    /**
     * Claims up to {@code limit} due deliveries for this replica: each is locked past the others
     * ({@code for update skip locked}) and leased until {@code leaseUntil}, so no other replica sends
     * it meanwhile, and one whose sender died is sent again once the lease runs out.
     */
    public Flux<Due> claimDue(Instant now, Instant leaseUntil, int limit) {
        return db.sql("""
                        with due as (
                            select id from webhook_delivery where status = 'PENDING' and next_attempt_at <= :now
                            order by next_attempt_at limit :limit for update skip locked)
                        update webhook_delivery d set next_attempt_at = :leaseUntil, attempts = d.attempts + 1,
                            last_attempt_at = :now
                        from due, webhook_subscription s, client_app a
                        where d.id = due.id and s.id = d.subscription_id and a.id = s.app_id
                        returning d.id, d.subscription_id, d.event_id, d.event_type, d.payload, d.attempts, d.retry_from,
                            s.url, s.secret, (s.status = 'ACTIVE' and a.status = 'ACTIVE') as still_wanted""")
                .bind("now", Sql.utc(now)).bind("leaseUntil", Sql.utc(leaseUntil)).bind("limit", limit)
                .map(row -> new Due(row.get("id", UUID.class), row.get("subscription_id", UUID.class),
                        row.get("event_id", String.class), row.get("event_type", String.class),
                        row.get("payload", String.class), row.get("attempts", Integer.class),
                        Sql.instant(row, "retry_from").orElseThrow(), row.get("url", String.class),
                        row.get("secret", String.class), Boolean.TRUE.equals(row.get("still_wanted", Boolean.class))))
                .all();
    }

    /** Records an attempt and what follows it: delivered, another attempt at {@code next}, or parked. */
    public Mono<Void> attempted(Attempt attempt, String status, Optional<Instant> next) {
        DatabaseClient.GenericExecuteSpec insert = db.sql("""
                        insert into webhook_attempt (delivery_id, attempt, at, response, error, duration_ms)
                        values (:id, :attempt, :at, :response, :error, :duration)
                        on conflict do nothing""")
                .bind("id", attempt.deliveryId()).bind("attempt", attempt.attempt()).bind("at", Sql.utc(attempt.at()))
                .bind("duration", attempt.durationMs());
        insert = Sql.bind(insert, "response", attempt.response(), Integer.class);
        insert = Sql.bind(insert, "error", attempt.error(), String.class);
        DatabaseClient.GenericExecuteSpec update = db.sql("""
                        update webhook_delivery set status = :status, next_attempt_at = :next, last_response = :response,
                            last_error = :error, last_attempt_at = :at,
                            delivered_at = case when :status = 'DELIVERED' then :at else delivered_at end,
                            parked_at = case when :status = 'PARKED' then :at else parked_at end
                        where id = :id and attempts = :attempt""")
                .bind("id", attempt.deliveryId()).bind("attempt", attempt.attempt()).bind("status", status)
                .bind("at", Sql.utc(attempt.at()));
        update = Sql.bind(update, "next", next.map(Sql::utc), OffsetDateTime.class);
        update = Sql.bind(update, "response", attempt.response(), Integer.class);
        update = Sql.bind(update, "error", attempt.error(), String.class);
        return insert.fetch().rowsUpdated().then(update.fetch().rowsUpdated()).then();
    }

    public Flux<Delivery> deliveries(UUID subscriptionId, Optional<String> status, int limit) {
        DatabaseClient.GenericExecuteSpec select = db.sql("""
                        select * from webhook_delivery where subscription_id = :id and (:status::text is null or status = :status)
                        order by created_at desc, id desc limit :limit""")
                .bind("id", subscriptionId).bind("limit", limit);
        select = Sql.bind(select, "status", status, String.class);
        return select.map(row -> new Delivery(row.get("id", UUID.class), row.get("event_id", String.class),
                        row.get("event_type", String.class), row.get("subject", String.class), row.get("status", String.class),
                        row.get("attempts", Integer.class), Sql.instant(row, "created_at").orElseThrow(),
                        Sql.instant(row, "next_attempt_at"), Sql.instant(row, "last_attempt_at"),
                        Optional.ofNullable(row.get("last_response", Integer.class)),
                        Optional.ofNullable(row.get("last_error", String.class)), Sql.instant(row, "delivered_at"),
                        Sql.instant(row, "parked_at")))
                .all();
    }

    public Flux<Attempt> attemptsOf(List<UUID> deliveryIds) {
        return db.sql("select * from webhook_attempt where delivery_id = any(:ids) order by delivery_id, attempt")
                .bind("ids", deliveryIds.toArray(UUID[]::new))
                .map(row -> new Attempt(row.get("delivery_id", UUID.class), row.get("attempt", Integer.class),
                        Sql.instant(row, "at").orElseThrow(), Optional.ofNullable(row.get("response", Integer.class)),
                        Optional.ofNullable(row.get("error", String.class)), row.get("duration_ms", Integer.class)))
                .all();
    }

    /** Sends a parked delivery again: a fresh 24 hours of retries from now. */
    public Mono<Boolean> retryParked(UUID subscriptionId, UUID deliveryId, Instant now) {
        return db.sql("""
                        update webhook_delivery set status = 'PENDING', next_attempt_at = :now, retry_from = :now, parked_at = null
                        where id = :id and subscription_id = :subscriptionId and status = 'PARKED'""")
                .bind("id", deliveryId).bind("subscriptionId", subscriptionId).bind("now", Sql.utc(now))
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    private static Subscription subscription(Readable row) {
        return new Subscription(row.get("id", UUID.class), row.get("app_id", UUID.class), row.get("url", String.class),
                Arrays.asList(row.get("event_types", String[].class)),
                Subscription.Status.valueOf(row.get("status", String.class)), Sql.instant(row, "created_at").orElseThrow());
    }
}
