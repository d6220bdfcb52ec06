package org.gridgov.grid.member;

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

/**
 * Keeps where each party member serves, from {@code member.events}, so that the tree counts them: the
 * grid (or else the community) a member is registered in, and the community an in-service member
 * reported in to. A member counted in both places is one member of any node above both.
 */
@Component
class PartyMemberPlaces implements EventHandler {

    private final DatabaseClient db;
    private final JsonMapper json;

    PartyMemberPlaces(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    @Override
    public String name() {
        return "party-member-places";
    }

    @Override
    public Set<Topic> topics() {
        return Set.of(Topic.MEMBER_EVENTS);
    }

    @Override
    public Mono<Void> handle(CloudEvent event) {
        if (EventType.MEMBER_REGISTERED.type().equals(event.type())) {
            JsonNode data = json.readTree(event.data());
            return place(data, "REGISTERED", data.hasNonNull("gridId") ? "gridId" : "communityId");
        }
        if (EventType.MEMBER_DUAL_REPORTED.type().equals(event.type())) {
            return place(json.readTree(event.data()), "REPORTED_IN", "communityId");
        }
        return Mono.empty();
    }

    private Mono<Void> place(JsonNode data, String tie, String nodeField) {
        return db.sql("""
                        insert into party_member_place (member_id, tie, node_id) values (:member, :tie, :node)
                        on conflict (member_id, tie) do update set node_id = excluded.node_id""")
                .bind("member", UUID.fromString(data.get("memberId").asString()))
                .bind("tie", tie)
                .bind("node", UUID.fromString(data.get(nodeField).asString()))
                .fetch().rowsUpdated().then();
    }
}
