package org.gridgov.wish.readmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.gridgov.contracts.events.MemberDualReported;
import org.gridgov.contracts.events.MemberRegistered;
import org.gridgov.contracts.events.UnitJoined;
import org.gridgov.kit.inbox.EventSubscriber;
import org.gridgov.kit.inbox.TypedEventHandler;
import org.gridgov.kit.web.FieldError;
import org.gridgov.kit.web.ProblemException;
import org.gridgov.wish.wish.domain.ClaimerKind;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Who may claim wishes in which community, from member.events: a member unit in every community
 * whose Grand Party Committee it joined, a party member in the community they are registered with
 * or dual-reported to (双报到). Member-service owns the facts; this is the local copy it needs.
 */
@Component
public record CommunityMembership(DatabaseClient db) implements EventSubscriber {

    @Override
    public TypedEventHandler handlers() {
        return TypedEventHandler.named("community-membership")
                .on(UnitJoined.class, joined -> serve(ClaimerKind.UNIT, joined.unitId(), joined.communityIds()))
                .on(MemberRegistered.class, registered -> serve(ClaimerKind.PARTY_MEMBER, registered.memberId(),
                        List.of(registered.communityId())))
                .on(MemberDualReported.class, reported -> serve(ClaimerKind.PARTY_MEMBER, reported.memberId(),
                        List.of(reported.communityId())));
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

    private Mono<Void> serve(ClaimerKind kind, UUID id, List<UUID> communities) {
        return Flux.fromIterable(communities)
                .concatMap(community -> db.sql("""
                                insert into community_member (kind, member_id, community_id) values (:kind, :id, :community)
                                on conflict do nothing""")
                        .bind("kind", kind.name()).bind("id", id).bind("community", community)
                        .fetch().rowsUpdated())
                .then();
    }
}
