package org.gridgov.apps.notification.persistence;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.gridgov.apps.notification.domain.Channel;
import org.gridgov.apps.notification.domain.Recipient;
import org.gridgov.kit.data.Sql;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Notices on their way through a channel beyond the inbox (table {@code delivery}): one per recipient, event and
 * channel, due at once or held until quiet hours end. No phone number is stored: the sender asks its owner.
 */
@Component
public record DeliveryStore(DatabaseClient db) {

    public record NewDelivery(UUID id, Recipient recipient, String eventId, String eventType, String kind, String subject,
                              Channel channel, String paramsJson, String text, boolean urgent, boolean held,
                              Instant dueAt, Instant createdAt) {
    }

    public record Due(UUID id, Recipient recipient, String eventType, String kind, String subject, Channel channel,
                      String paramsJson, String text, boolean urgent, int attempts) {
    }

    /** Schedules the delivery unless this recipient already has one for this event on this channel (a redelivery); whether it did. */
    public Mono<Boolean> schedule(NewDelivery d) {
        return db.sql("""
                        insert into delivery (id, recipient, event_id, event_type, kind, subject, channel, params, text, urgent,
                            status, held, due_at, created_at)
                        values (:id, :recipient, :eventId, :eventType, :kind, :subject, :channel, cast(:params as jsonb), :text,
                            :urgent, 'PENDING', :held, :dueAt, :createdAt)
                        on conflict (recipient, event_id, channel) do nothing""")
                .bind("id", d.id()).bind("recipient", d.recipient().key()).bind("eventId", d.eventId())
                .bind("eventType", d.eventType()).bind("kind", d.kind()).bind("subject", d.subject())
                .bind("channel", d.channel().name()).bind("params", d.paramsJson()).bind("text", d.text())
                .bind("urgent", d.urgent()).bind("held", d.held()).bind("dueAt", Sql.utc(d.dueAt()))
                .bind("createdAt", Sql.utc(d.createdAt()))
                .fetch().rowsUpdated().map(rows -> rows > 0);
    }

    /**
     * Claims up to {@code limit} due deliveries for this replica: locked ({@code for update skip locked}) and leased
     * until {@code leaseUntil}, so no other replica sends them meanwhile, and one whose sender died goes out again.
     */
    public Flux<Due> claimDue(Instant now, Instant leaseUntil, int limit) {
        return db.sql("""
                        with due as (
                            select id from delivery where status = 'PENDING' and due_at <= :now
                            order by due_at limit :limit for update skip locked)
                        update delivery d set due_at = :leaseUntil, attempts = d.attempts + 1
                        from due where d.id = due.id
                        returning d.id, d.recipient, d.event_type, d.kind, d.subject, d.channel, d.params::text as params,
                            d.text, d.urgent, d.attempts""")
                .bind("now", Sql.utc(now)).bind("leaseUntil", Sql.utc(leaseUntil)).bind("limit", limit)
                .map(row -> new Due(row.get("id", UUID.class), new Recipient(row.get("recipient", String.class)),
                        row.get("event_type", String.class), row.get("kind", String.class), row.get("subject", String.class),
                        Channel.valueOf(row.get("channel", String.class)), row.get("params", String.class),
                        row.get("text", String.class), Boolean.TRUE.equals(row.get("urgent", Boolean.class)),
                        row.get("attempts", Integer.class)))
                .all();
    }

    /** How many messages went to this recipient on this channel since {@code since} (the per-person rate limit). */
    public Mono<Long> sentSince(Recipient recipient, Channel channel, Instant since) {
        return db.sql("select count(*) from delivery where status = 'SENT' and recipient = :recipient and channel = :channel"
                        + " and sent_at >= :since")
                .bind("recipient", recipient.key()).bind("channel", channel.name()).bind("since", Sql.utc(since))
                .map(row -> row.get(0, Long.class)).one();
    }

    /** The delivery's end: SENT (at {@code at}), FAILED, RATE_LIMITED or NO_CONTACT. */
    public Mono<Void> finish(UUID id, String status, Instant at, Optional<String> error) {
        return Sql.bindNullable(db.sql("""
                                update delivery set status = :status, held = false, last_error = :error,
                                    sent_at = case when :status = 'SENT' then :at else sent_at end
                                where id = :id""")
                        .bind("id", id).bind("status", status).bind("at", Sql.utc(at)), "error", error.orElse(null), String.class)
                .fetch().rowsUpdated().then();
    }

    /** Another attempt at {@code next} after a failure. */
    public Mono<Void> retryAt(UUID id, Instant next, String error) {
        return db.sql("update delivery set due_at = :next, last_error = :error where id = :id")
                .bind("id", id).bind("next", Sql.utc(next)).bind("error", error)
                .fetch().rowsUpdated().then();
    }
}
