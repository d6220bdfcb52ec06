package org.gridgov.committee.readmodel;

import org.gridgov.contracts.events.MemberRegistered;
import org.gridgov.kit.inbox.TypedEventHandler;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Keeps the party members of each community from {@code member.events}: a meeting invites only members that exist. */
@Component
class MemberEvents extends TypedEventHandler {

    private final DatabaseClient db;

    MemberEvents(DatabaseClient db) {
        super("member-read-model");
        this.db = db;
        on(MemberRegistered.class, this::registered);
    }

    private Mono<Void> registered(MemberRegistered member) {
        return db.sql("""
                        insert into member (id, community_id) values (:id, :community)
                        on conflict (id) do update set community_id = excluded.community_id""")
                .bind("id", member.memberId()).bind("community", member.communityId())
                .fetch().rowsUpdated().then();
    }
}
