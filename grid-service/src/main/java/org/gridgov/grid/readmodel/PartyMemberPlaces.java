package org.gridgov.grid.readmodel;

import java.util.UUID;

import org.gridgov.contracts.events.MemberDualReported;
import org.gridgov.contracts.events.MemberRegistered;
import org.gridgov.kit.inbox.EventSubscriber;
import org.gridgov.kit.inbox.TypedEventHandler;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keeps where each party member serves, from {@code member.events}, so that the tree counts them: the
 * grid (or else the community) a member is registered in, and the community an in-service member
 * reported in to. A member counted in both places is one member of any node above both.
 */
@Component
record PartyMemberPlaces(DatabaseClient db) implements EventSubscriber {

    @Override
    public TypedEventHandler handlers() {
        return TypedEventHandler.named("party-member-places")
                .on(MemberRegistered.class, registered -> place(registered.memberId(), "REGISTERED",
                        registered.gridId() != null ? registered.gridId() : registered.communityId()))
                .on(MemberDualReported.class, reported -> place(reported.memberId(), "REPORTED_IN", reported.communityId()));
    }

    private Mono<Void> place(UUID memberId, String tie, UUID nodeId) {
        return db.sql("""
                        insert into party_member_place (member_id, tie, node_id) values (:member, :tie, :node)
                        on conflict (member_id, tie) do update set node_id = excluded.node_id""")
                .bind("member", memberId)
                .bind("tie", tie)
                .bind("node", nodeId)
                .fetch().rowsUpdated().then();
    }
}
