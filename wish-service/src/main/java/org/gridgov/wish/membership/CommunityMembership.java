package org.gridgov.wish.membership;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.gridgov.contracts.EventType;
import org.gridgov.contracts.Topic;
import org.gridgov.kit.events.CloudEvent;
import org.gridgov.kit.inbox.EventHandler;
import org.gridgov.wish.wish.domain.ClaimerKind;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may claim wishes in which community, from member.events: a member unit in every community
 * whose Grand Party Committee it joined, a party member in the community they are registered with
 * or dual-reported to (双报到). Member-service owns the facts; this is the local copy it needs.
 */
@Component
public class CommunityMembership implements EventHandler {

    private final DatabaseClient db;
    private final JsonMapper json;

    CommunityMembership(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    public Mono<Boolean> serves(ClaimerKind kind, UUID id, UUID communityId) {
        return db.sql("select 1 from community_member where kind = :kind and member_id = :id and community_id = :community")
                .bind("kind", kind.name()).bind("id", id).bind("community", communityId)
                .fetch().first().hasElement();
    }

    public Mono<List<UUID>> communitiesOf(ClaimerKind kind, UUID id) {
        return db.sql("select community_id from community_member where kind = :kind and member_id = :id")
                .bind("kind", kind.name()).bind("id", id)
                .map(row -> row.get("community_id", UUID.class))
                .all().collectList();
    }

    @Override
    public String name() {
        return "community-membership";
    }

    @Override
    public Set<Topic> topics() {
        return Set.of(Topic.MEMBER_EVENTS);
    }

    @Override
    public Mono<Void> handle(CloudEvent event) {
        JsonNode data = json.readTree(event.data());
        List<UUID> communities = new ArrayList<>();
        ClaimerKind kind;
        UUID id;
        if (event.type().equals(EventType.UNIT_JOINED.type())) {
            kind = ClaimerKind.UNIT;
            id = UUID.fromString(data.get("unitId").asString());
            data.get("communityIds").valueStream().forEach(node -> communities.add(UUID.fromString(node.asString())));
        } else if (event.type().equals(EventType.MEMBER_REGISTERED.type())
                || event.type().equals(EventType.MEMBER_DUAL_REPORTED.type())) {
            kind = ClaimerKind.PARTY_MEMBER;
            id = UUID.fromString(data.get("memberId").asString());
            communities.add(UUID.fromString(data.get("communityId").asString()));
        } else {
            return Mono.empty();
        }
        return Flux.fromIterable(communities)
                .concatMap(community -> db.sql("""
                                insert into community_member (kind, member_id, community_id) values (:kind, :id, :community)
                                on conflict do nothing""")
                        .bind("kind", kind.name()).bind("id", id).bind("community", community)
                        .fetch().rowsUpdated())
                .then();
    }
}
