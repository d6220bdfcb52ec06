package org.gridgov.member.points.persistence;

import java.util.UUID;

import org.gridgov.kit.data.Sql;
import org.gridgov.member.points.domain.LedgerTransaction;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Which account holders (party members, volunteers) this service knows, and the credits parked because they named somebody else. */
@Component
public record ParkedCredits(DatabaseClient db) {

    public Mono<Boolean> isMember(UUID memberId) {
        return db.sql("select 1 from party_member where id = :id union all select 1 from volunteer where id = :id")
                .bind("id", memberId).fetch().first().hasElement();
    }

    /** Emits true when the credit was parked now, false when its cause had parked it already. */
    public Mono<Boolean> park(LedgerTransaction credit) {
        return db.sql("""
                        insert into points_parked_credit (id, member_id, cause, cause_id, points, occurred_at)
                        values (:id, :memberId, :cause, :causeId, :points, :occurredAt)
                        on conflict (cause, cause_id, member_id) do nothing""")
                .bind("id", credit.id())
                .bind("memberId", credit.memberId())
                .bind("cause", credit.cause().kind().name())
                .bind("causeId", credit.cause().id())
                .bind("points", credit.memberDelta())
                .bind("occurredAt", Sql.utc(credit.occurredAt()))
                .fetch().rowsUpdated()
                .map(inserted -> inserted == 1);
    }
}
