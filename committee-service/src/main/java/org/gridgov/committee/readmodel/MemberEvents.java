package org.gridgov.committee.readmodel;

import java.util.UUID;

import org.gridgov.contracts.events.MemberRegistered;
import org.gridgov.kit.data.Sql;
import org.gridgov.kit.inbox.EventSubscriber;
import org.gridgov.kit.inbox.TypedEventHandler;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Keeps the party members of each community from {@code member.events}: a meeting invites only members that exist. */
@Component
record MemberEvents(DatabaseClient db) implements EventSubscriber {

    @Override
    public TypedEventHandler handlers() {
        return TypedEventHandler.named("member-read-model")
                .on(MemberRegistered.class, this::registered);
    }

    private Mono<Void> registered(MemberRegistered member) {
        return db.sql("""
                        insert into member (id, community_id, grid_id) values (:id, :community, :grid)
                        on conflict (id) do update set community_id = excluded.community_id, grid_id = excluded.grid_id""")
                .bind("id", member.memberId()).bind("community", member.communityId())
                .bind("grid", Sql.nullable(member.gridId(), UUID.class))
                .fetch().rowsUpdated().then();
    }
}
