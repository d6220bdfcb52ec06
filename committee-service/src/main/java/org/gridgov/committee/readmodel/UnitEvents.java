package org.gridgov.committee.readmodel;

import java.util.Set;
import java.util.UUID;

import org.gridgov.contracts.EventType;
import org.gridgov.contracts.Topic;
import org.gridgov.kit.events.CloudEvent;
import org.gridgov.kit.inbox.EventHandler;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Keeps the member units of each community's Grand Party Committee from {@code member.events}. */
@Component
class UnitEvents implements EventHandler {

    private final DatabaseClient db;
    private final JsonMapper json;

    UnitEvents(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    @Override
    public String name() {
        return "unit-read-model";
    }

    @Override
    public Set<Topic> topics() {
        return Set.of(Topic.MEMBER_EVENTS);
    }

    @Override
    public Mono<Void> handle(CloudEvent event) {
        if (!EventType.UNIT_JOINED.type().equals(event.type())) {
            return Mono.empty();
        }
        JsonNode data = json.readTree(event.data());
        UUID[] communities = data.path("communityIds").valueStream().map(id -> UUID.fromString(id.asString()))
                .toArray(UUID[]::new);
        return db.sql("""
                        insert into unit (id, name, community_ids) values (:id, :name, :communities)
                        on conflict (id) do update set name = excluded.name,
                            community_ids = array(select distinct c from unnest(unit.community_ids || excluded.community_ids) c)""")
                .bind("id", UUID.fromString(data.path("unitId").asString()))
                .bind("name", data.path("name").asString())
                .bind("communities", communities)
                .fetch().rowsUpdated().then();
    }
}
