package org.gridgov.apps.notification.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import org.gridgov.apps.notification.domain.Recipient;
import org.gridgov.kit.data.Sql;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Notices in people's in-app inboxes (table {@code notification}) and what is known of each wish ({@code wish_party}). */
@Component
public record NotificationStore(DatabaseClient db) {

    public record Notice(UUID id, Recipient recipient, String eventId, String eventType, String kind, String subject,
                         String text, Instant createdAt) {
    }

    public record Stored(UUID id, String kind, String eventType, String subject, String text, Instant createdAt,
                         Optional<Instant> readAt) {
    }

    public record WishParty(UUID wishId, Optional<String> resident, UUID gridId) {
    }

    /** Writes the notice unless this recipient was already told of this event (a redelivery). */
    public Mono<Void> insert(Notice notice) {
        return db.sql("""
                        insert into notification (id, recipient, event_id, event_type, kind, subject, text, created_at)
                        values (:id, :recipient, :eventId, :eventType, :kind, :subject, :text, :at)
                        on conflict (recipient, event_id) do nothing""")
                .bind("id", notice.id()).bind("recipient", notice.recipient().key()).bind("eventId", notice.eventId())
                .bind("eventType", notice.eventType()).bind("kind", notice.kind()).bind("subject", notice.subject())
                .bind("text", notice.text()).bind("at", Sql.utc(notice.createdAt()))
                .fetch().rowsUpdated().then();
    }

    /** The newest notices of any of these recipients (a caller reads as a person and in their roles), unread only if asked. */
    public Flux<Stored> inbox(Collection<Recipient> recipients, boolean unreadOnly, int limit) {
        return db.sql("select * from notification where recipient = any(:recipients)"
                        + (unreadOnly ? " and read_at is null" : "") + " order by created_at desc, id desc limit :limit")
                .bind("recipients", recipients.stream().map(Recipient::key).toArray(String[]::new)).bind("limit", limit)
                .map(row -> new Stored(row.get("id", UUID.class), row.get("kind", String.class),
                        row.get("event_type", String.class), row.get("subject", String.class), row.get("text", String.class),
                        row.get("created_at", OffsetDateTime.class).toInstant(),
                        Optional.ofNullable(row.get("read_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant)))
                .all();
    }

    /** Marks the notice read if it is one of these recipients'; false when it is not theirs (or does not exist). */
    public Mono<Boolean> read(UUID id, Collection<Recipient> recipients, Instant at) {
        return db.sql("""
                        update notification set read_at = coalesce(read_at, :at)
                        where id = :id and recipient = any(:recipients)""")
                .bind("id", id).bind("at", Sql.utc(at))
                .bind("recipients", recipients.stream().map(Recipient::key).toArray(String[]::new))
                .fetch().rowsUpdated().map(rows -> rows > 0);
    }

    public Mono<Void> remember(WishParty party) {
        return Sql.bindNullable(db.sql("insert into wish_party (wish_id, resident, grid_id) values (:wish, :resident, :grid)"
                                + " on conflict do nothing").bind("wish", party.wishId()).bind("grid", party.gridId()),
                        "resident", party.resident().orElse(null), String.class)
                .fetch().rowsUpdated().then();
    }

    public Mono<WishParty> wishParty(UUID wishId) {
        return db.sql("select * from wish_party where wish_id = :wish").bind("wish", wishId)
                .map(row -> new WishParty(row.get("wish_id", UUID.class), Optional.ofNullable(row.get("resident", String.class)),
                        row.get("grid_id", UUID.class)))
                .one();
    }
}
