package org.gridgov.fieldwork.readmodel;

import org.gridgov.contracts.events.MemberRegistered;
import org.gridgov.kit.data.Sql;
import org.gridgov.kit.inbox.EventSubscriber;
import org.gridgov.kit.inbox.TypedEventHandler;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** Keeps the community (and grid) each party member lives in, from {@code member.events}. */
@Component
record MemberPlaces(DatabaseClient db) implements EventSubscriber {

    @Override
    public TypedEventHandler handlers() {
        return TypedEventHandler.named("member-places")
                .on(MemberRegistered.class, Sql.statement(db, """
                        insert into member_place (member_id, community_id, grid_id) values (:member, :community, :grid)
                        on conflict (member_id) do update set community_id = excluded.community_id, grid_id = excluded.grid_id""",
                        (upsert, registered) -> upsert.bind("member", registered.memberId())
                                .bind("community", registered.communityId())
                                .bind("grid", Sql.nullable(registered.gridId(), java.util.UUID.class))));
    }
}
