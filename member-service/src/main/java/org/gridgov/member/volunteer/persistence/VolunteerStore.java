package org.gridgov.member.volunteer.persistence;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.gridgov.kit.data.Sql;
import org.gridgov.member.privacy.PhoneCipher;
import org.gridgov.member.volunteer.domain.RankedVolunteer;
import org.gridgov.member.volunteer.domain.Volunteer;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Volunteers, and their ranking by the service hours and points their activities earned. */
@Component
public record VolunteerStore(DatabaseClient db, PhoneCipher phones) {

    /** Inserts the volunteer; emits false when {@code subject} registered themself in the community before. */
    public Mono<Boolean> insert(Volunteer v, String registeredBy, Optional<String> subject) {
        return db.sql("""
                        insert into volunteer (id, name, community_id, phone, registered_at, registered_by, subject)
                        values (:id, :name, :community, :phone, :at, :by, :subject)
                        on conflict (community_id, subject) where subject is not null do nothing""")
                .bind("id", v.id()).bind("name", v.name()).bind("community", v.communityId()).bind("phone", phones.seal(v.phone(), v.id().toString()))
                .bind("at", Sql.utc(v.registeredAt())).bind("by", registeredBy)
                .bind("subject", Sql.optional(subject, String.class))
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    public Mono<Volunteer> find(UUID id) {
        return db.sql("select id, name, community_id, phone, registered_at from volunteer where id = :id").bind("id", id)
                .map(row -> new Volunteer(row.get("id", UUID.class), row.get("name", String.class),
                        row.get("community_id", UUID.class), phones.open(row.get("phone", String.class), id.toString()),
                        row.get("registered_at", OffsetDateTime.class).toInstant()))
                .one();
    }

    /** The community's volunteers, most service hours first, then most points from activities; at most {@code limit}. */
    public Flux<RankedVolunteer> ranking(UUID communityId, int limit) {
        return db.sql("""
                        select v.id, v.name, coalesce(sum(h.hours), 0) as hours, coalesce(sum(h.points), 0) as points,
                               count(h.activity_id) as activities
                        from volunteer v left join activity_hours h on h.person_id = v.id
                        where v.community_id = :community
                        group by v.id, v.name
                        order by hours desc, points desc, v.id
                        limit :limit""")
                .bind("community", communityId).bind("limit", limit)
                .map(row -> new RankedVolunteer(0, row.get("id", UUID.class), row.get("name", String.class),
                        row.get("hours", BigDecimal.class), row.get("points", Long.class),
                        row.get("activities", Long.class)))
                .all()
                .index((i, r) -> new RankedVolunteer(i.intValue() + 1, r.volunteerId(), r.name(), r.hours(), r.points(),
                        r.activities()));
    }
}
