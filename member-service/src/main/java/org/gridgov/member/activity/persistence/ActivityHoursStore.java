package org.gridgov.member.activity.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.gridgov.kit.data.Sql;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The service hours each person earned in joint activities. */
@Component
public record ActivityHoursStore(DatabaseClient db) {

    /** Emits false when the person's hours for this activity were credited already. */
    public Mono<Boolean> credit(UUID activityId, UUID personId, String personKind, UUID communityId, BigDecimal hours,
                                int points, Instant at) {
        return db.sql("""
                        insert into activity_hours (activity_id, person_id, person_kind, community_id, hours, points, earned_at)
                        values (:activity, :person, :kind, :community, :hours, :points, :at) on conflict do nothing""")
                .bind("activity", activityId).bind("person", personId).bind("kind", personKind)
                .bind("community", communityId).bind("hours", hours).bind("points", points).bind("at", Sql.utc(at))
                .fetch().rowsUpdated().map(inserted -> inserted == 1);
    }

    /** The person's service hours from activities, in all. */
    public Mono<BigDecimal> hoursOf(UUID personId) {
        return db.sql("select coalesce(sum(hours), 0) from activity_hours where person_id = :person")
                .bind("person", personId).map(row -> row.get(0, BigDecimal.class)).one();
    }
}
