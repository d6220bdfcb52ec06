package org.gridgov.fieldwork.readmodel;

import java.util.UUID;

import org.gridgov.contracts.events.MemberDualReported;
import org.gridgov.contracts.events.MemberRegistered;
import org.gridgov.kit.data.Sql;
import org.gridgov.kit.inbox.EventSubscriber;
import org.gridgov.kit.inbox.TypedEventHandler;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keeps the party members an emergency operation may call out, from {@code member.events}: their kind, community and
 * whether an in-service member reported in there (双报到, which moves them to that community).
 */
@Component
record CallableMembers(DatabaseClient db) implements EventSubscriber {

    @Override
    public TypedEventHandler handlers() {
        return TypedEventHandler.named("operation-members")
                .on(MemberRegistered.class, this::registered)
                .on(MemberDualReported.class, this::dualReported);
    }

    private Mono<Void> registered(MemberRegistered registered) {
        return db.sql("""
                        insert into callable_member (member_id, kind, community_id, grid_id) values (:member, :kind, :community, :grid)
                        on conflict (member_id) do update set kind = excluded.kind, community_id = excluded.community_id,
                            grid_id = excluded.grid_id""")
                .bind("member", registered.memberId()).bind("kind", registered.kind())
                .bind("community", registered.communityId())
                .bind("grid", Sql.nullable(registered.gridId(), UUID.class))
                .fetch().rowsUpdated().then();
    }

    /** A member reports in to their home community, whose grids they may not live in: their grid is dropped. */
    private Mono<Void> dualReported(MemberDualReported reported) {
        return db.sql("""
                        update callable_member set dual_reported = true, community_id = :community,
                            grid_id = case when community_id = :community then grid_id end
                        where member_id = :member""")
                .bind("member", reported.memberId()).bind("community", reported.communityId())
                .fetch().rowsUpdated().then();
    }
}
