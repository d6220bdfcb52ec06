package org.gridgov.fieldwork.readmodel;

import java.util.UUID;

import org.gridgov.contracts.events.MemberDualReported;
import org.gridgov.contracts.events.MemberRegistered;
import org.gridgov.kit.data.Sql;
import org.gridgov.kit.inbox.EventSubscriber;
import org.gridgov.kit.inbox.TypedEventHandler;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the party members an emergency operation may call out, from {@code member.events}: their kind, community and
 * whether an in-service member reported in there (双报到, which moves them to that community).
 */
@Component
record CallableMembers(DatabaseClient db) implements EventSubscriber {

    @Override
    public TypedEventHandler handlers() {
        return TypedEventHandler.named("operation-members")
                .on(MemberRegistered.class, Sql.statement(db, """
                        insert into callable_member (member_id, kind, community_id, grid_id) values (:member, :kind, :community, :grid)
                        on conflict (member_id) do update set kind = excluded.kind, community_id = excluded.community_id,
                            grid_id = excluded.grid_id""",
                        (upsert, registered) -> upsert.bind("member", registered.memberId()).bind("kind", registered.kind())
                                .bind("community", registered.communityId())
                                .bind("grid", Sql.nullable(registered.gridId(), UUID.class))))
                // a member reports in to their home community, whose grids they may not live in: their grid is dropped
                .on(MemberDualReported.class, Sql.statement(db, """
                        update callable_member set dual_reported = true, community_id = :community,
                            grid_id = case when community_id = :community then grid_id end
                        where member_id = :member""",
                        (update, reported) -> update.bind("member", reported.memberId())
                                .bind("community", reported.communityId())));
    }
}
