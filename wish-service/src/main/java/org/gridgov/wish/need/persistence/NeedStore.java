package org.gridgov.wish.need.persistence;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.gridgov.kit.data.Sql;
import org.gridgov.wish.need.domain.Need;
import org.gridgov.kit.web.Cursor;
import org.gridgov.kit.data.Listing;
import org.gridgov.contracts.Category;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

@Component
public record NeedStore(DatabaseClient db) {

    public record Stored(Need need, List<UUID> areaPath) {
    }

    public Mono<Void> insert(Need n, List<UUID> areaPath) {
        DatabaseClient.GenericExecuteSpec insert = db.sql("""
                        insert into need (id, status, version, grid_id, community_id, area_path, category, title, description,
                            households_affected, priority, found_by, recorded_by, recorded_at)
                        values (:id, :status, :version, :grid, :community, :areaPath, :category, :title, :description,
                            :households, :priority, :foundBy, :recordedBy, :recordedAt)""")
                .bind("id", n.id()).bind("status", n.status().name()).bind("version", n.version())
                .bind("grid", n.gridId()).bind("community", n.communityId()).bind("areaPath", areaPath.toArray(UUID[]::new))
                .bind("category", n.category().name()).bind("title", n.title())
                .bind("households", n.householdsAffected()).bind("priority", n.priority().name())
                .bind("foundBy", n.foundBy().name()).bind("recordedBy", n.recordedBy())
                .bind("recordedAt", Sql.utc(n.recordedAt()));
        return Sql.bind(insert, "description", n.description(), String.class).fetch().rowsUpdated().then();
    }

    public Mono<Stored> find(UUID id) {
        return db.sql("select * from need where id = :id").bind("id", id).map(NeedStore::stored).one();
    }

    /** False when someone else changed it since {@code expectedVersion}. */
    public Mono<Boolean> update(Need n, long expectedVersion) {
        DatabaseClient.GenericExecuteSpec update = db.sql("""
                        update need set status = :status, version = :version, published_at = :publishedAt
                        where id = :id and version = :expected""")
                .bind("id", n.id()).bind("expected", expectedVersion).bind("status", n.status().name())
                .bind("version", n.version());
        return Sql.bind(update, "publishedAt", n.publishedAt().map(Sql::utc), OffsetDateTime.class)
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    /** Up to {@code limit + 1} needs within the jurisdiction, newest first, after the cursor. */
    public Mono<List<Stored>> list(UUID jurisdiction, Optional<UUID> grid, Optional<Need.Status> status,
                                   Optional<Category> category, Optional<Cursor.TimeAndId> after, int limit) {
        return new Listing("select * from need", "recorded_at", "id")
                .where(":jurisdiction = any(area_path)", "jurisdiction", jurisdiction)
                .where("grid_id = :grid", "grid", grid)
                .where("status = :status", "status", status.map(Enum::name))
                .where("category = :category", "category", category.map(Enum::name))
                .page(db, after, limit).map(NeedStore::stored).all().collectList();
    }

    private static Stored stored(Readable row) {
        return new Stored(new Need(row.get("id", UUID.class), Need.Status.valueOf(row.get("status", String.class)),
                row.get("version", Long.class), row.get("grid_id", UUID.class), row.get("community_id", UUID.class),
                Category.valueOf(row.get("category", String.class)), row.get("title", String.class),
                Optional.ofNullable(row.get("description", String.class)), row.get("households_affected", Integer.class),
                Need.Priority.valueOf(row.get("priority", String.class)),
                Need.FoundBy.valueOf(row.get("found_by", String.class)), row.get("recorded_by", String.class),
                Sql.instant(row, "recorded_at").orElseThrow(), Sql.instant(row, "published_at")),
                Sql.uuids(row, "area_path"));
    }
}
