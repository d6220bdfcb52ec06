package org.gridgov.fieldwork.readmodel;

import java.util.List;
import java.util.UUID;

import org.gridgov.contracts.events.ResourceItem;
import org.gridgov.contracts.events.ResourceListPublished;
import org.gridgov.contracts.events.ResourceListRevised;
import org.gridgov.contracts.events.UnitJoined;
import org.gridgov.kit.data.Sql;
import org.gridgov.kit.inbox.EventSubscriber;
import org.gridgov.kit.inbox.TypedEventHandler;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keeps the member units an emergency operation may call out, from {@code member.events}: the communities they joined
 * and what their current resource list offers where (a newer list replaces the items of the older).
 */
@Component
record CallableUnits(DatabaseClient db) implements EventSubscriber {

    private static final Sql.Table RESOURCES = new Sql.Table("callable_unit_resource",
            List.of("unit_id", "category", "area"), List.of(UUID.class, String.class, UUID[].class));

    @Override
    public TypedEventHandler handlers() {
        return TypedEventHandler.named("operation-units")
                .on(UnitJoined.class, Sql.statement(db, """
                        insert into callable_unit (unit_id, community_ids) values (:id, :communities)
                        on conflict (unit_id) do update set
                            community_ids = array(select distinct c from unnest(callable_unit.community_ids || excluded.community_ids) c)""",
                        (upsert, joined) -> upsert.bind("id", joined.unitId())
                                .bind("communities", joined.communityIds().toArray(UUID[]::new))))
                .on(ResourceListPublished.class, list -> offers(list.unitId(), list.items()))
                .on(ResourceListRevised.class, list -> offers(list.unitId(), list.items()));
    }

    private Mono<Void> offers(UUID unitId, List<ResourceItem> items) {
        Mono<Void> cleared = db.sql("delete from callable_unit_resource where unit_id = :unit").bind("unit", unitId)
                .fetch().rowsUpdated().then();
        if (items == null || items.isEmpty()) {
            return cleared;
        }
        List<Object[]> rows = items.stream().map(item -> new Object[] {unitId, item.category().name(),
                (item.area() == null ? List.<UUID>of() : item.area()).toArray(UUID[]::new)}).toList();
        return cleared.then(Sql.insertRows(db, RESOURCES, rows)).then();
    }
}
