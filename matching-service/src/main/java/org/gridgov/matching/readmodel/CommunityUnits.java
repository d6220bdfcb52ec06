package org.gridgov.matching.readmodel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridgov.contracts.Category;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The member units of a community's Grand Party Committee with what they offer in a year: the items
 * of each unit's most recent list among the year's periods (2026, 2026H1, 2026H2).
 */
@Component
public record CommunityUnits(DatabaseClient db) {

    public record UnitOffering(UUID unitId, String name, List<Item> items) {
    }

    public record Item(UUID itemId, Category category, String title, int capacity, List<UUID> area) {
    }

    public Mono<List<UnitOffering>> of(UUID communityId, int year) {
        return db.sql("""
                        select u.id, u.name, i.item_id, i.category, i.title, i.capacity, i.area
                        from unit u
                        left join lateral (select l.period from resource_list l
                                           where l.unit_id = u.id and l.period like :year
                                           order by l.occurred_at desc, l.version desc limit 1) l on true
                        left join resource_item i on i.unit_id = u.id and i.period = l.period
                        where u.community_ids @> :community
                        order by u.id, i.item_id""")
                .bind("year", year + "%")
                .bind("community", new UUID[] {communityId})
                .map(row -> new Row(row.get("id", UUID.class), row.get("name", String.class),
                        row.get("item_id", UUID.class) == null ? null : new Item(row.get("item_id", UUID.class),
                                Category.valueOf(row.get("category", String.class)), row.get("title", String.class),
                                row.get("capacity", Integer.class), List.of(row.get("area", UUID[].class)))))
                .all().collectList()
                .map(CommunityUnits::byUnit);
    }

    private record Row(UUID unitId, String name, Item item) {
    }

    private static List<UnitOffering> byUnit(List<Row> rows) {
        Map<UUID, UnitOffering> units = new LinkedHashMap<>();
        for (Row row : rows) {
            UnitOffering unit = units.computeIfAbsent(row.unitId(), id -> new UnitOffering(id, row.name(), new ArrayList<>()));
            if (row.item() != null) {
                unit.items().add(row.item());
            }
        }
        return List.copyOf(units.values());
    }
}
