package org.gridgov.wish.membership;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.gridgov.contracts.EventType;
import org.gridgov.contracts.Topic;
import org.gridgov.kit.events.CloudEvent;
import org.gridgov.kit.inbox.EventHandler;
import org.gridgov.kit.web.FieldError;
import org.gridgov.kit.web.ProblemException;
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

    /**
     * Refuses, with a 422 naming each one ({@code field[index]}), the ids among these that name no
     * unit or party member member-service has announced: nobody can be dispatched to, or credited
     * for serving, an id that names nobody.
     */
    public Mono<Void> requireKnown(ClaimerKind kind, String field, List<UUID> ids) {
        if (ids.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("select distinct member_id from community_member where kind = :kind and member_id = any(:ids)")
                .bind("kind", kind.name()).bind("ids", ids.toArray(UUID[]::new))
                .map(row -> row.get("member_id", UUID.class))
                .all().collect(Collectors.toSet())
                .flatMap(known -> {
                    List<FieldError> unknown = new ArrayList<>();
                    for (int i = 0; i < ids.size(); i++) {
                        if (!known.contains(ids.get(i))) {
                            unknown.add(new FieldError(field + "[" + i + "]", "no " + (kind == ClaimerKind.UNIT
                                    ? "member unit" : "party member") + " " + ids.get(i) + " is known"));
                        }
                    }
                    return unknown.isEmpty() ? Mono.empty() : Mono.error(ProblemException.unknownReferences(unknown));
                });
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
