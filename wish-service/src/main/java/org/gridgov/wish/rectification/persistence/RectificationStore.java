package org.gridgov.wish.rectification.persistence;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.gridgov.kit.data.Sql;
import org.gridgov.kit.web.Cursor;
import org.gridgov.kit.data.Listing;
import org.gridgov.wish.rectification.domain.Rectification;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

@Component
public record RectificationStore(DatabaseClient db) {

    public record Stored(Rectification rectification, List<UUID> areaPath) {
    }

    public Mono<Void> insert(Rectification r, List<UUID> areaPath) {
        DatabaseClient.GenericExecuteSpec insert = db.sql("""
                        insert into rectification (id, wish_id, grid_id, area_path, rating, comment, status, opened_at, version)
                        values (:id, :wishId, :gridId, :areaPath, :rating, :comment, :status, :openedAt, :version)""")
                .bind("id", r.id()).bind("wishId", r.wishId()).bind("gridId", r.gridId())
                .bind("areaPath", areaPath.toArray(UUID[]::new)).bind("rating", r.rating())
                .bind("status", r.status().name()).bind("openedAt", Sql.utc(r.openedAt())).bind("version", r.version());
        return Sql.bind(insert, "comment", r.comment(), String.class).fetch().rowsUpdated().then();
    }

    public Mono<Stored> find(UUID id) {
        return db.sql("select * from rectification where id = :id").bind("id", id)
                .map(RectificationStore::stored).one();
    }

    /** False when someone else completed it first. */
    public Mono<Boolean> update(Rectification r, long expectedVersion) {
        DatabaseClient.GenericExecuteSpec update = db.sql("""
                        update rectification set status = :status, feedback = :feedback, summary = :summary,
                            completed_at = :completedAt, completed_by = :completedBy, version = :version
                        where id = :id and version = :expected""")
                .bind("id", r.id()).bind("expected", expectedVersion).bind("status", r.status().name())
                .bind("version", r.version());
        update = Sql.bind(update, "feedback", r.feedback(), String.class);
        update = Sql.bind(update, "summary", r.summary(), String.class);
        update = Sql.bind(update, "completedAt", r.completedAt().map(Sql::utc), OffsetDateTime.class);
        update = Sql.bind(update, "completedBy", r.completedBy(), String.class);
        return update.fetch().rowsUpdated().map(rows -> rows == 1);
    }

    /** Up to {@code limit + 1} rectifications within the jurisdiction, newest first, after the cursor. */
    public Mono<List<Stored>> list(UUID jurisdiction, Optional<UUID> grid, Optional<Rectification.Status> status,
                                   Optional<Cursor.TimeAndId> after, int limit) {
        return new Listing("select * from rectification", "opened_at", "id")
                .where(":jurisdiction = any(area_path)", "jurisdiction", jurisdiction)
                .where("grid_id = :grid", "grid", grid)
                .where("status = :status", "status", status.map(Enum::name))
                .page(db, after, limit).map(RectificationStore::stored).all().collectList();
    }

    private static Stored stored(Readable row) {
        return new Stored(new Rectification(row.get("id", UUID.class), row.get("wish_id", UUID.class),
                row.get("grid_id", UUID.class), row.get("rating", Integer.class),
                Optional.ofNullable(row.get("comment", String.class)),
                Rectification.Status.valueOf(row.get("status", String.class)),
                Optional.ofNullable(row.get("feedback", String.class)),
                Optional.ofNullable(row.get("summary", String.class)),
                Sql.instant(row, "opened_at").orElseThrow(), Sql.instant(row, "completed_at"),
                Optional.ofNullable(row.get("completed_by", String.class)), row.get("version", Long.class)),
                Sql.uuids(row, "area_path"));
    }
}
