package org.gridgov.committee.assessment.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.gridgov.committee.assessment.domain.AssessmentVersion;
import org.gridgov.committee.assessment.domain.YearEndAssessment.Figures;
import org.gridgov.committee.assessment.domain.YearEndAssessment.JointMeetings;
import org.gridgov.committee.assessment.domain.YearEndAssessment.Placement;
import org.gridgov.committee.assessment.domain.YearEndAssessment.Result;
import org.gridgov.committee.assessment.domain.YearEndAssessment.ScoreReason;
import org.gridgov.committee.assessment.domain.YearEndAssessment.Wishes;
import org.gridgov.committee.assessment.domain.YearEndAssessment;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The units' figures of a year read from the projects, and the frozen versions of the assessment. */
@Component
public record AssessmentStore(DatabaseClient db, JsonMapper json) {

    /**
     * Every member unit of the community's committee with what it did in the community in the year, zeros
     * included: its projects (a milestone counts as due once its date has passed {@code today}, unless an admin
     * cancelled the project, or once it was reached; on time when reached by the end of its due day), its wishes (claimed, fulfilled and closed within
     * the year), its places on the red and black lists of the year's quarters as last announced, and its part in the
     * joint meetings closed in the year (invited, present, motions decided while present, voted on).
     */
    public Flux<Figures> figures(UUID communityId, int year, LocalDate today) {
        return lists(communityId, year).flatMapMany(lists -> db.sql("""
                        select u.id, u.name,
                          (select count(*) from agreement a where a.unit_id = u.id and a.community_id = :community
                             and a.year = :year) as signed,
                          (select count(*) from project p where p.unit_id = u.id and p.community_id = :community
                             and p.year = :year and p.status in ('COMPLETED', 'REVIEWED_FINAL')) as completed,
                          (select count(*) from milestone m join agreement a on a.project_id = m.project_id
                             join project p on p.id = a.project_id
                             where a.unit_id = u.id and a.community_id = :community and a.year = :year
                               and (m.reached_at is not null or (m.due_date < :today and p.status <> 'CANCELLED'))) as due,
                          (select count(*) from milestone m join agreement a on a.project_id = m.project_id
                             where a.unit_id = u.id and a.community_id = :community and a.year = :year
                               and m.reached_at < (m.due_date + 1)::timestamp at time zone 'UTC') as on_time,
                          (select count(*) from milestone m join agreement a on a.project_id = m.project_id
                             where a.unit_id = u.id and a.community_id = :community and a.year = :year
                               and m.escalated_at is not null) as escalations,
                          (select count(*) from decline d join project p on p.id = d.project_id
                             where d.unit_id = u.id and p.community_id = :community and p.year = :year) as declines,
                          (select count(*) from review r join project p on p.id = r.project_id
                             where p.unit_id = u.id and p.community_id = :community and p.year = :year) as reviews,
                          (select coalesce(sum(case r.grade when 'EXCELLENT' then 20 when 'GOOD' then 15
                                                            when 'FAIR' then 8 else 0 end), 0)
                             from review r join project p on p.id = r.project_id
                             where p.unit_id = u.id and p.community_id = :community and p.year = :year) as review_points,
                          (select count(*) from meeting mt where mt.community_id = :community and mt.kind = 'JOINT'
                             and mt.closed_at >= :from and mt.closed_at < :to and u.id = any(mt.invited_unit_ids)) as invited,
                          (select count(*) from meeting mt where mt.community_id = :community and mt.kind = 'JOINT'
                             and mt.closed_at >= :from and mt.closed_at < :to and u.id = any(mt.invited_unit_ids)
                             and u.id = any(mt.present_ids)) as attended,
                          (select count(*) from motion mo join meeting mt on mt.id = mo.meeting_id
                             where mt.community_id = :community and mt.kind = 'JOINT' and mt.closed_at >= :from
                               and mt.closed_at < :to and u.id = any(mt.present_ids)
                               and mo.status in ('PASSED', 'FAILED')) as motions,
                          (select count(*) from motion_vote v join motion mo on mo.id = v.motion_id
                             join meeting mt on mt.id = mo.meeting_id
                             where v.voter_id = u.id and mt.community_id = :community and mt.kind = 'JOINT'
                               and mt.closed_at >= :from and mt.closed_at < :to and u.id = any(mt.present_ids)
                               and mo.status in ('PASSED', 'FAILED')) as voted,
                          w.claimed as wishes_claimed, w.fulfilled as wishes_fulfilled, w.on_time as wishes_on_time,
                          w.ratings as wish_ratings, coalesce(w.rating_sum, 0) as wish_rating_sum
                        from unit u
                        cross join lateral (
                          select count(*) filter (where c.released_at is null and c.claimed_at >= :from and c.claimed_at < :to) as claimed,
                                 count(*) filter (where c.fulfilled_at >= :from and c.fulfilled_at < :to) as fulfilled,
                                 count(*) filter (where c.fulfilled_at >= :from and c.fulfilled_at < :to and not c.late) as on_time,
                                 count(c.rating) filter (where c.closed_at >= :from and c.closed_at < :to) as ratings,
                                 sum(c.rating) filter (where c.closed_at >= :from and c.closed_at < :to) as rating_sum
                          from wish_claim c join wish on wish.id = c.wish_id
                          where c.unit_id = u.id and wish.community_id = :community) w
                        where u.community_ids @> array[:community]::uuid[]""")
                .bind("community", communityId).bind("year", year).bind("today", today)
                .bind("from", LocalDate.of(year, 1, 1).atStartOfDay().atOffset(ZoneOffset.UTC))
                .bind("to", LocalDate.of(year + 1, 1, 1).atStartOfDay().atOffset(ZoneOffset.UTC))
                .map(row -> {
                    UUID unitId = row.get("id", UUID.class);
                    return new Figures(unitId, row.get("name", String.class),
                            count(row.get("signed", Long.class)), count(row.get("completed", Long.class)),
                            count(row.get("due", Long.class)), count(row.get("on_time", Long.class)),
                            count(row.get("escalations", Long.class)), count(row.get("declines", Long.class)),
                            count(row.get("reviews", Long.class)), count(row.get("review_points", Long.class)),
                            new Wishes(count(row.get("wishes_claimed", Long.class)),
                                    count(row.get("wishes_fulfilled", Long.class)),
                                    count(row.get("wishes_on_time", Long.class)), count(row.get("wish_ratings", Long.class)),
                                    count(row.get("wish_rating_sum", Long.class))),
                            lists.getOrDefault(unitId, List.of()),
                            new JointMeetings(count(row.get("invited", Long.class)), count(row.get("attended", Long.class)),
                                    count(row.get("motions", Long.class)), count(row.get("voted", Long.class))));
                })
                .all());
    }

    /** Each unit's red and black list placements of the year's quarters, as last announced, by quarter. */
    private Mono<Map<UUID, List<Placement>>> lists(UUID communityId, int year) {
        return db.sql("""
                        select unit_id, quarter, placement, rule, reason from list_placement
                        where community_id = :community and quarter like :year and placement <> 'NONE'
                        order by quarter""")
                .bind("community", communityId).bind("year", year + "Q%")
                .map(row -> Map.entry(row.get("unit_id", UUID.class), new Placement(row.get("quarter", String.class),
                        row.get("placement", String.class), row.get("rule", String.class), row.get("reason", String.class))))
                .all()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    /** Serialises computations of one community's year until the transaction ends, so versions never collide. */
    public Mono<Void> lock(UUID communityId, int year) {
        return db.sql("select 1 as locked from (select pg_advisory_xact_lock(hashtext(:key))) l")
                .bind("key", "assessment:" + communityId + ":" + year)
                .fetch().first().then();
    }

    public Mono<AssessmentVersion> latest(UUID communityId, int year) {
        return db.sql("""
                        select id, community_id, year, version, rule, fingerprint, computed_at from assessment
                        where community_id = :community and year = :year order by version desc limit 1""")
                .bind("community", communityId).bind("year", year)
                .map(row -> new AssessmentVersion(row.get("id", UUID.class), row.get("community_id", UUID.class),
                        row.get("year", Integer.class), row.get("version", Integer.class), row.get("rule", String.class),
                        row.get("fingerprint", String.class), row.get("computed_at", OffsetDateTime.class).toInstant(),
                        List.of()))
                .one()
                .flatMap(version -> units(version.id()).map(units -> new AssessmentVersion(version.id(), version.communityId(),
                        version.year(), version.version(), version.rule(), version.fingerprint(), version.computedAt(),
                        units)));
    }

    private Mono<List<AssessmentVersion.Placed>> units(UUID assessmentId) {
        return db.sql("""
                        select place, score, band, figures::text as figures, reasons::text as reasons from assessment_unit
                        where assessment_id = :id order by place""")
                .bind("id", assessmentId)
                .map(row -> new AssessmentVersion.Placed(row.get("place", Integer.class), new Result(
                        json.readValue(row.get("figures", String.class), Figures.class),
                        row.get("score", Integer.class), YearEndAssessment.Band.valueOf(row.get("band", String.class)),
                        json.readValue(row.get("reasons", String.class), new TypeReference<List<ScoreReason>>() {
                        }))))
                .all().collectList();
    }

    public Mono<Void> insert(AssessmentVersion version, String computedBy) {
        Mono<Long> head = db.sql("""
                        insert into assessment (id, community_id, year, version, rule, fingerprint, computed_by, computed_at)
                        values (:id, :community, :year, :version, :rule, :fingerprint, :by, :at)""")
                .bind("id", version.id()).bind("community", version.communityId()).bind("year", version.year())
                .bind("version", version.version()).bind("rule", version.rule()).bind("fingerprint", version.fingerprint())
                .bind("by", computedBy).bind("at", version.computedAt().atOffset(ZoneOffset.UTC))
                .fetch().rowsUpdated();
        if (version.units().isEmpty()) {
            return head.then();
        }
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < version.units().size(); i++) {
            values.append(i == 0 ? "" : ", ").append("(:id, :unit").append(i).append(", :name").append(i).append(", :place")
                    .append(i).append(", :score").append(i).append(", :band").append(i).append(", cast(:figures")
                    .append(i).append(" as jsonb), cast(:reasons").append(i).append(" as jsonb))");
        }
        DatabaseClient.GenericExecuteSpec rows = db.sql("insert into assessment_unit (assessment_id, unit_id, name, place, "
                + "score, band, figures, reasons) values " + values).bind("id", version.id());
        for (int i = 0; i < version.units().size(); i++) {
            Result result = version.units().get(i).result();
            rows = rows.bind("unit" + i, result.figures().unitId()).bind("name" + i, result.figures().name())
                    .bind("place" + i, version.units().get(i).place())
                    .bind("score" + i, result.score()).bind("band" + i, result.band().name())
                    .bind("figures" + i, json.writeValueAsString(result.figures()))
                    .bind("reasons" + i, json.writeValueAsString(result.reasons()));
        }
        return head.then(rows.fetch().rowsUpdated()).then();
    }

    private static int count(Long value) {
        return value == null ? 0 : value.intValue();
    }
}
