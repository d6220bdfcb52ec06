package org.gridgov.wish.attachment.persistence;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.gridgov.kit.data.Sql;
import org.gridgov.wish.attachment.domain.Attachment;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Which photos a wish has (table {@code wish_attachment}); the bytes are in the {@code ObjectStore}. */
@Component
public record AttachmentStore(DatabaseClient db) {

    public Mono<Void> insert(Attachment attachment, String uploadedBy) {
        return db.sql("""
                        insert into wish_attachment (id, wish_id, content_type, size_bytes, uploaded_by, uploaded_by_role, uploaded_at)
                        values (:id, :wishId, :type, :size, :by, :role, :at)""")
                .bind("id", attachment.id()).bind("wishId", attachment.wishId())
                .bind("type", attachment.contentType()).bind("size", attachment.size())
                .bind("by", uploadedBy).bind("role", attachment.uploadedByRole())
                .bind("at", Sql.utc(attachment.uploadedAt()))
                .fetch().rowsUpdated().then();
    }

    public Mono<Attachment> find(UUID wishId, UUID id) {
        return db.sql("select * from wish_attachment where wish_id = :wishId and id = :id")
                .bind("wishId", wishId).bind("id", id)
                .map(AttachmentStore::attachment)
                .one();
    }

    private static Attachment attachment(Readable row) {
        return new Attachment(row.get("id", UUID.class), row.get("wish_id", UUID.class),
                row.get("content_type", String.class), row.get("size_bytes", Integer.class),
                row.get("uploaded_by_role", String.class), Sql.instant(row, "uploaded_at").orElseThrow());
    }

    /** The first photo of each of these wishes that has one, for Open311's {@code media_url}. */
    public Mono<Map<UUID, UUID>> firstOf(List<UUID> wishIds) {
        return db.sql("""
                        select distinct on (wish_id) wish_id, id from wish_attachment
                        where wish_id = any(:ids) order by wish_id, uploaded_at, id""")
                .bind("ids", wishIds.toArray(UUID[]::new))
                .map(row -> Map.entry(row.get("wish_id", UUID.class), row.get("id", UUID.class)))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    public Mono<Long> count(UUID wishId) {
        return db.sql("select count(*) from wish_attachment where wish_id = :wishId").bind("wishId", wishId)
                .map(row -> row.get(0, Long.class)).one();
    }

    /** A wish's photos, oldest first. */
    public Flux<Attachment> of(UUID wishId) {
        return db.sql("select * from wish_attachment where wish_id = :wishId order by uploaded_at, id")
                .bind("wishId", wishId).map(AttachmentStore::attachment).all();
    }

}
