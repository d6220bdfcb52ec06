package org.gridgov.committee.readmodel;

import java.util.UUID;

import org.gridgov.contracts.events.MemberRegistered;
import org.gridgov.kit.data.Sql;
import org.gridgov.kit.inbox.EventSubscriber;
import org.gridgov.kit.inbox.TypedEventHandler;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** Keeps the party members of each community from {@code member.events}: a meeting invites only members that exist. */
@Component
record MemberEvents(DatabaseClient db) implements EventSubscriber {

    @Override
    public TypedEventHandler handlers() {
        return TypedEventHandler.named("member-read-model")
                .on(MemberRegistered.class, Sql.statement(db, """
                        insert into member (id, community_id, grid_id) values (:id, :community, :grid)
                        on conflict (id) do update set community_id = excluded.community_id, grid_id = excluded.grid_id""",
                        (upsert, member) -> upsert.bind("id", member.memberId()).bind("community", member.communityId())
                                .bind("grid", Sql.nullable(member.gridId(), UUID.class))));
    }
}
