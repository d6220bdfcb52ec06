package org.gridgov.matching.readmodel;

import java.util.Set;
import java.util.UUID;

import org.gridgov.contracts.EventType;
import org.gridgov.contracts.Topic;
import org.gridgov.kit.data.Sql;
import org.gridgov.kit.events.CloudEvent;
import org.gridgov.kit.inbox.EventHandler;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Keeps units, their resource lists and party members from {@code member.events}. */
@Component
class MemberEvents implements EventHandler {

    private final DatabaseClient db;
    private final JsonMapper json;

    MemberEvents(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    @Override
    public String name() {
        return "member-read-model";
    }

    @Override
    public Set<Topic> topics() {
        return Set.of(Topic.MEMBER_EVENTS);
    }

    @Override
    public Mono<Void> handle(CloudEvent event) {
        EventType type = EventType.byType(event.type()).orElseThrow();
        EventData data = EventData.of(json, event);
        return switch (type) {
            case UNIT_JOINED -> unitJoined(data);
            case RESOURCE_LIST_PUBLISHED, RESOURCE_LIST_REVISED -> resourceList(data);
            case MEMBER_REGISTERED -> memberInCommunity(data.uuid("memberId"), data.text("kind"), data.uuid("communityId"),
                    data.uuid("gridId"));
            case MEMBER_DUAL_REPORTED -> memberInCommunity(data.uuid("memberId"), "IN_SERVICE", data.uuid("communityId"), null);
            default -> Mono.empty();
        };
    }

    private Mono<Void> unitJoined(EventData data) {
        return db.sql("""
                        insert into unit (id, name, kind, community_ids) values (:id, :name, :kind, :communities)
                        on conflict (id) do update set name = excluded.name, kind = excluded.kind,
                            community_ids = array(select distinct c from unnest(unit.community_ids || excluded.community_ids) c)""")
                .bind("id", data.uuid("unitId"))
                .bind("name", data.text("name"))
                .bind("kind", data.text("kind"))
                .bind("communities", data.uuids("communityIds"))
                .fetch().rowsUpdated().then();
    }

    /** A list replaces the unit's earlier versions for the period; an older version arriving late changes nothing. */
    private Mono<Void> resourceList(EventData data) {
        UUID unitId = data.uuid("unitId");
        String period = data.text("period");
        return db.sql("""
                        insert into resource_list (unit_id, period, version, occurred_at)
                        values (:unitId, :period, :version, :occurredAt)
                        on conflict (unit_id, period) do update set version = excluded.version, occurred_at = excluded.occurred_at
                        where resource_list.version < excluded.version""")
                .bind("unitId", unitId).bind("period", period)
                .bind("version", data.integer("version"))
                .bind("occurredAt", data.time("occurredAt"))
                .fetch().rowsUpdated()
                .filter(updated -> updated > 0)
                .flatMap(updated -> db.sql("delete from resource_item where unit_id = :unitId and period = :period")
                        .bind("unitId", unitId).bind("period", period).fetch().rowsUpdated())
                .flatMap(deleted -> Flux.fromIterable(data.list("items"))
                        .concatMap(item -> db.sql("""
                                        insert into resource_item (unit_id, period, item_id, category, title, capacity, area)
                                        values (:unitId, :period, :itemId, :category, :title, :capacity, :area)
                                        on conflict do nothing""")
                                .bind("unitId", unitId).bind("period", period)
                                .bind("itemId", item.uuid("itemId"))
                                .bind("category", item.text("category"))
                                .bind("title", item.text("title"))
                                .bind("capacity", item.integer("capacity"))
                                .bind("area", item.uuids("area"))
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
