package org.gridgov.apps.notification.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
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

    /** Writes the notices, in one statement, but none to a recipient already told of its event (a redelivery). */
    public Mono<Void> insertAll(List<Notice> notices) {
        if (notices.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("""
                        insert into notification (id, recipient, event_id, event_type, kind, subject, text, created_at)
                        select n.id, n.recipient, n.event_id, n.event_type, n.kind, n.subject, n.text, n.created_at
                        from unnest(:ids::uuid[], :recipients::text[], :eventIds::text[], :eventTypes::text[], :kinds::text[],
                                    :subjects::text[], :texts::text[], :createdAt::timestamptz[])
                             as n(id, recipient, event_id, event_type, kind, subject, text, created_at)
                        on conflict (recipient, event_id) do nothing""")
                .bind("ids", Sql.column(notices, Notice::id, UUID[]::new))
                .bind("recipients", Sql.column(notices, notice -> notice.recipient().key(), String[]::new))
                .bind("eventIds", Sql.column(notices, Notice::eventId, String[]::new))
                .bind("eventTypes", Sql.column(notices, Notice::eventType, String[]::new))
                .bind("kinds", Sql.column(notices, Notice::kind, String[]::new))
                .bind("subjects", Sql.column(notices, Notice::subject, String[]::new))
                .bind("texts", Sql.column(notices, Notice::text, String[]::new))
                .bind("createdAt", Sql.column(notices, notice -> Sql.utc(notice.createdAt()), OffsetDateTime[]::new))
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

    /** Remembers who ordered each wish and in which grid, in one statement; the first submission of a wish wins. */
    public Mono<Void> rememberAll(List<WishParty> parties) {
        if (parties.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("""
                        insert into wish_party (wish_id, resident, grid_id)
                        select p.wish_id, p.resident, p.grid_id
                        from unnest(:wishes::uuid[], :residents::text[], :grids::uuid[]) with ordinality
                             as p(wish_id, resident, grid_id, position)
                        order by p.position
                        on conflict do nothing""")
                .bind("wishes", Sql.column(parties, WishParty::wishId, UUID[]::new))
                .bind("residents", Sql.column(parties, party -> party.resident().orElse(null), String[]::new))
                .bind("grids", Sql.column(parties, WishParty::gridId, UUID[]::new))
                .fetch().rowsUpdated().then();
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
