package org.gridgov.apps.notification.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.gridgov.apps.notification.domain.Recipient;
import org.gridgov.kit.data.BulkInsert;
import org.gridgov.kit.data.Sql;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Notices in people's in-app inboxes (table {@code notification}) and what is known of each wish ({@code wish_party}). */
@Component
public record NotificationStore(DatabaseClient db) {

    private static final BulkInsert<Notice> NOTICES = BulkInsert.<Notice>into("notification")
            .column("id", UUID.class, Notice::id).column("recipient", String.class, notice -> notice.recipient().key()).column("event_id", String.class, Notice::eventId)
            .column("event_type", String.class, Notice::eventType).column("kind", String.class, Notice::kind).column("subject", String.class, Notice::subject)
            .column("text", String.class, Notice::text).timestamp("created_at", Notice::createdAt)
            .then("on conflict (recipient, event_id) do nothing");
    private static final BulkInsert<WishParty> PARTIES = BulkInsert.<WishParty>into("wish_party")
            .column("wish_id", UUID.class, WishParty::wishId).column("resident", String.class, party -> party.resident().orElse(null))
            .column("grid_id", UUID.class, WishParty::gridId)
            .then("on conflict do nothing");

    public record Notice(UUID id, Recipient recipient, String eventId, String eventType, String kind, String subject,
                         String text, Instant createdAt) {
    }

    public record Stored(UUID id, String kind, String eventType, String subject, String text, Instant createdAt,
                         Optional<Instant> readAt) {
    }

    public record WishParty(UUID wishId, Optional<String> resident, UUID gridId) {
    }

    /** Writes the notices, in one statement, but none to a recipient already told of its event (a redelivery). */
    public Mono<Void> insertAll(List<Notice> notices) {
        return NOTICES.run(db, notices).then();
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

    /** Remembers who ordered each wish and in which grid, in one statement; the first submission of a wish wins. */
    public Mono<Void> rememberAll(List<WishParty> parties) {
        return PARTIES.run(db, parties).then();
    }

    /** Who ordered these wishes and in which grid, of those whose submission was seen. */
    public Mono<Map<UUID, WishParty>> wishParties(Collection<UUID> wishIds) {
        if (wishIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("select * from wish_party where wish_id = any(:wishes)")
                .bind("wishes", wishIds.stream().distinct().toArray(UUID[]::new))
                .map(row -> new WishParty(row.get("wish_id", UUID.class), Optional.ofNullable(row.get("resident", String.class)),
                        row.get("grid_id", UUID.class)))
                .all().collectMap(WishParty::wishId);
    }
}
