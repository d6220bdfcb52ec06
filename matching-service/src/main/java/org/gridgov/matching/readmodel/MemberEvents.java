package org.gridgov.matching.readmodel;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.gridgov.contracts.events.MemberDualReported;
import org.gridgov.contracts.events.MemberRegistered;
import org.gridgov.contracts.events.ResourceItem;
import org.gridgov.contracts.events.ResourceListPublished;
import org.gridgov.contracts.events.ResourceListRevised;
import org.gridgov.contracts.events.UnitJoined;
import org.gridgov.kit.inbox.EventSubscriber;
import org.gridgov.kit.inbox.TypedEventHandler;
import org.gridgov.kit.data.Sql;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Keeps units, their resource lists and party members from {@code member.events}. */
@Component
record MemberEvents(DatabaseClient db) implements EventSubscriber {

    @Override
    public TypedEventHandler handlers() {
        return TypedEventHandler.named("member-read-model")
                .on(UnitJoined.class, this::unitJoined)
                .on(ResourceListPublished.class, list -> resourceList(list.unitId(), list.period(), list.version(), list.items(),
                        list.occurredAt()))
                .on(ResourceListRevised.class, list -> resourceList(list.unitId(), list.period(), list.version(), list.items(),
                        list.occurredAt()))
                .on(MemberRegistered.class, registered -> memberInCommunity(registered.memberId(), registered.kind(),
                        registered.communityId(), registered.gridId()))
                .on(MemberDualReported.class, reported -> memberInCommunity(reported.memberId(), "IN_SERVICE",
                        reported.communityId(), null));
    }

    private Mono<Void> unitJoined(UnitJoined unit) {
        return db.sql("""
                        insert into unit (id, name, kind, community_ids) values (:id, :name, :kind, :communities)
                        on conflict (id) do update set name = excluded.name, kind = excluded.kind,
                            community_ids = array(select distinct c from unnest(unit.community_ids || excluded.community_ids) c)""")
                .bind("id", unit.unitId())
                .bind("name", unit.name())
                .bind("kind", unit.kind())
                .bind("communities", unit.communityIds().toArray(UUID[]::new))
                .fetch().rowsUpdated().then();
    }

    /** A list replaces the unit's earlier versions for the period; an older version arriving late changes nothing. */
    private Mono<Void> resourceList(UUID unitId, String period, int version, List<ResourceItem> items,
                                    Instant occurredAt) {
        return db.sql("""
                        insert into resource_list (unit_id, period, version, occurred_at)
                        values (:unitId, :period, :version, :occurredAt)
                        on conflict (unit_id, period) do update set version = excluded.version, occurred_at = excluded.occurred_at
                        where resource_list.version < excluded.version""")
                .bind("unitId", unitId).bind("period", period)
                .bind("version", version)
                .bind("occurredAt", WishEvents.utc(occurredAt))
                .fetch().rowsUpdated()
                .filter(updated -> updated > 0)
                .flatMap(updated -> db.sql("delete from resource_item where unit_id = :unitId and period = :period")
                        .bind("unitId", unitId).bind("period", period).fetch().rowsUpdated())
                .flatMap(deleted -> Flux.fromIterable(items)
                        .concatMap(item -> db.sql("""
                                        insert into resource_item (unit_id, period, item_id, category, title, capacity, area)
                                        values (:unitId, :period, :itemId, :category, :title, :capacity, :area)
                                        on conflict do nothing""")
                                .bind("unitId", unitId).bind("period", period)
                                .bind("itemId", item.itemId())
                                .bind("category", item.category().name())
                                .bind("title", item.title())
                                .bind("capacity", item.capacity())
                                .bind("area", item.area().toArray(UUID[]::new))
                                .fetch().rowsUpdated())
                        .then())
                .then();
    }

    private Mono<Void> memberInCommunity(UUID memberId, String kind, UUID communityId, UUID gridId) {
        return Sql.bindNullable(db.sql("""
                                insert into party_member (id, kind, community_ids, grid_id)
                                values (:id, :kind, array[:communityId]::uuid[], :gridId)
                                on conflict (id) do update set
                                    community_ids = array(select distinct c from unnest(party_member.community_ids || excluded.community_ids) c),
                                    grid_id = coalesce(excluded.grid_id, party_member.grid_id)""")
                        .bind("id", memberId).bind("kind", kind).bind("communityId", communityId),
                "gridId", gridId, UUID.class)
                .fetch().rowsUpdated().then();
    }
}
