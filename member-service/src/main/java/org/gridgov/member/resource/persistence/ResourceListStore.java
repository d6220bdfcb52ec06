package org.gridgov.member.resource.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridgov.kit.data.BulkInsert;
import org.gridgov.kit.data.Sql;
import org.gridgov.contracts.Category;
import org.gridgov.member.resource.domain.Period;
import org.gridgov.member.resource.domain.ResourceItem;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Component
public record ResourceListStore(DatabaseClient db) {

    /** A version of a unit's list for a period, without its items. */
    public record Version(UUID unitId, Period period, int version, Instant publishedAt, int items) {
    }

    /**
     * The latest version of the list, locked until the transaction ends: revisions and uses of its
     * capacity take turns, so two of them never both see the same capacity left.
     */
    public Mono<Integer> lockLatest(UUID unitId, Period period) {
        return db.sql("""
                        select version from resource_list_version where unit_id = :unitId and period = :period
                        order by version desc limit 1 for update""")
                .bind("unitId", unitId).bind("period", period.toString())
                .map(row -> row.get("version", Integer.class)).one();
    }

    public Mono<Version> version(UUID unitId, Period period, Integer version) {
        return db.sql("""
                        select v.version, v.published_at,
                               (select count(*) from resource_item i
                                 where i.unit_id = v.unit_id and i.period = v.period and i.version = v.version) as items
                        from resource_list_version v
                        where v.unit_id = :unitId and v.period = :period and (cast(:version as int) is null or v.version = :version)
                        order by v.version desc limit 1""")
                .bind("unitId", unitId).bind("period", period.toString())
                .bind("version", Sql.nullable(version, Integer.class))
                .map(row -> new Version(unitId, period, row.get("version", Integer.class),
                        row.get("published_at", OffsetDateTime.class).toInstant(), row.get("items", Long.class).intValue()))
                .one();
    }

    /** All versions, newest first. */
    public Flux<Version> versions(UUID unitId, Period period) {
        return db.sql("""
                        select v.version, v.published_at, count(i.item_id) as items
                        from resource_list_version v
                        left join resource_item i on i.unit_id = v.unit_id and i.period = v.period and i.version = v.version
                        where v.unit_id = :unitId and v.period = :period
                        group by v.version, v.published_at
                        order by v.version desc""")
                .bind("unitId", unitId).bind("period", period.toString())
                .map(row -> new Version(unitId, period, row.get("version", Integer.class),
                        row.get("published_at", OffsetDateTime.class).toInstant(), row.get("items", Long.class).intValue()))
                .all();
    }

    public Mono<List<ResourceItem>> items(UUID unitId, Period period, int version) {
        return db.sql("""
                        select item_id, category, title, capacity, area from resource_item
                        where unit_id = :unitId and period = :period and version = :version order by position""")
                .bind("unitId", unitId).bind("period", period.toString()).bind("version", version)
                .map(row -> new ResourceItem(row.get("item_id", UUID.class), Category.valueOf(row.get("category", String.class)),
                        row.get("title", String.class), row.get("capacity", Integer.class),
                        Arrays.asList(row.get("area", UUID[].class))))
                .all().collectList();
    }

    /** Capacity used so far in the period, by item. */
    public Mono<Map<UUID, Integer>> used(UUID unitId, Period period) {
        return db.sql("""
                        select item_id, sum(quantity) as used from resource_usage
                        where unit_id = :unitId and period = :period group by item_id""")
                .bind("unitId", unitId).bind("period", period.toString())
                .map(row -> Map.entry(row.get("item_id", UUID.class), row.get("used", Long.class).intValue()))
                .all()
                .collect(HashMap::new, (map, entry) -> map.put(entry.getKey(), entry.getValue()));
    }

    /** Whether the unit has a list of any period of that year already (the year's or a half's). */
    public Mono<Boolean> hasListInYear(UUID unitId, int year) {
        return db.sql("select 1 from resource_list_version where unit_id = :unitId and left(period, 4) = :year limit 1")
                .bind("unitId", unitId).bind("year", Integer.toString(year))
                .map(row -> true).one().defaultIfEmpty(false);
    }

    public Mono<Void> insertVersion(UUID unitId, Period period, int version, List<ResourceItem> items, Instant at,
                                    String publishedBy) {
        Mono<Long> versionRow = db.sql("""
                        insert into resource_list_version (unit_id, period, version, published_at, published_by)
                        values (:unitId, :period, :version, :at, :by)""")
                .bind("unitId", unitId).bind("period", period.toString()).bind("version", version)
                .bind("at", Sql.utc(at)).bind("by", publishedBy)
                .fetch().rowsUpdated();
        if (items.isEmpty()) {
            return versionRow.then();
        }
        // one statement for all items: R2DBC pays a round trip per statement
        StringBuilder sql = new StringBuilder(
                "insert into resource_item (unit_id, period, version, item_id, position, category, title, capacity, area) values ");
        for (int i = 0; i < items.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:unitId, :period, :version, :item").append(i).append(", ").append(i)
                    .append(", :category").append(i).append(", :title").append(i).append(", :capacity").append(i)
                    .append(", :area").append(i).append(")");
        }
        DatabaseClient.GenericExecuteSpec insert = db.sql(sql.toString())
                .bind("unitId", unitId).bind("period", period.toString()).bind("version", version);
        for (int i = 0; i < items.size(); i++) {
            ResourceItem item = items.get(i);
            insert = insert.bind("item" + i, item.itemId()).bind("category" + i, item.category().name())
                    .bind("title" + i, item.title()).bind("capacity" + i, item.capacity())
                    .bind("area" + i, item.area().toArray(UUID[]::new));
        }
        return versionRow.then(insert.fetch().rowsUpdated()).then();
    }

    /** Whether the unit signed the project's agreement, as committee.events told (the unit's project record). */
    public Mono<Boolean> signedBy(UUID unitId, UUID projectId) {
        return db.sql("select exists (select 1 from unit_project_fact where project_id = :project and unit_id = :unit"
                        + " and kind = 'SIGNED')")
                .bind("project", projectId).bind("unit", unitId)
                .map(row -> row.get(0, Boolean.class)).one();
    }

    /** Records a use of an item's capacity; emits false when this source already used it. */
    public Mono<Boolean> use(UUID unitId, Period period, UUID itemId, String sourceKind, UUID sourceId, int quantity,
                             Instant at) {
        return db.sql("""
                        insert into resource_usage (unit_id, period, item_id, source_kind, source_id, quantity, used_at)
                        values (:unitId, :period, :itemId, :kind, :sourceId, :quantity, :at)
                        on conflict do nothing""")
                .bind("unitId", unitId).bind("period", period.toString()).bind("itemId", itemId)
                .bind("kind", sourceKind).bind("sourceId", sourceId).bind("quantity", quantity).bind("at", Sql.utc(at))
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    /** Gives back what a wish used, when its claim is released. */
    public Mono<Void> releaseWish(UUID wishId) {
        return db.sql("delete from resource_usage where source_kind = 'WISH' and source_id = :wishId")
                .bind("wishId", wishId).fetch().rowsUpdated().then();
    }

    public record Wish(UUID wishId, Category category, UUID gridId) {
    }

    private static final BulkInsert<Wish> SUBMITTED = BulkInsert.<Wish>into("resource_wish")
            .column("wish_id", UUID.class, Wish::wishId).column("category", String.class, wish -> wish.category().name()).column("grid_id", UUID.class, Wish::gridId)
            .then("on conflict (wish_id) do nothing");

    /** Remembers submitted wishes, in one statement; a wish remembered before keeps what it had. */
    public Mono<Void> rememberWishes(List<Wish> wishes) {
        return SUBMITTED.run(db, wishes).then();
    }

    public Mono<Wish> wish(UUID wishId) {
        return db.sql("select wish_id, category, grid_id from resource_wish where wish_id = :wishId").bind("wishId", wishId)
                .map(row -> new Wish(row.get("wish_id", UUID.class), Category.valueOf(row.get("category", String.class)),
                        row.get("grid_id", UUID.class)))
                .one();
    }
}
