package org.gridgov.member.ranking.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.gridgov.kit.data.BulkInsert;
import org.gridgov.kit.data.Sql;
import org.gridgov.member.ranking.domain.Quarter;
import org.gridgov.member.ranking.domain.RedBlackList;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Units' record of wishes and projects, written from wish.events and committee.events, read for the red/black list. */
@Component
public record UnitRecordStore(DatabaseClient db) {

    /** A submitted wish: where it is and by when it is wanted. */
    public record SubmittedWish(UUID wishId, UUID communityId, Optional<Instant> wantedBy) {
    }

    private static final BulkInsert<SubmittedWish> SUBMITTED = BulkInsert.<SubmittedWish>into("unit_record_wish")
            .column("wish_id", UUID.class, SubmittedWish::wishId).column("community_id", UUID.class, SubmittedWish::communityId)
            .timestamp("wanted_by", wish -> wish.wantedBy().orElse(null))
            .then("on conflict (wish_id) do nothing");

    /** Remembers submitted wishes, in one statement; a wish remembered before keeps what it had. */
    public Mono<Void> rememberWishes(List<SubmittedWish> wishes) {
        return SUBMITTED.run(db, wishes).then();
    }

    /** Units the wish was dispatched to as candidates; only wishes whose community is known count. */
    public Mono<Void> dispatched(UUID wishId, List<UUID> unitIds, Instant at) {
        if (unitIds.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("""
                        insert into unit_dispatch (wish_id, unit_id, community_id, dispatched_at)
                        select :wishId, unit_id, w.community_id, :at
                        from unnest(cast(:unitIds as uuid[])) as unit_id, unit_record_wish w
                        where w.wish_id = :wishId
                        on conflict (wish_id, unit_id) do nothing""")
                .bind("wishId", wishId).bind("unitIds", unitIds.toArray(UUID[]::new)).bind("at", Sql.utc(at))
                .fetch().rowsUpdated().then();
    }

    /**
     * A claim answers the claimer's dispatch; the other candidates were beaten to it, which is not
     * leaving it unanswered. {@code unitId} is empty when a party member claimed in person.
     */
    public Mono<Void> claimed(UUID wishId, Optional<UUID> unitId, Instant at) {
        Mono<Long> answers = db.sql("""
                        update unit_dispatch set outcome = case when unit_id = :unitId then 'ANSWERED' else 'TAKEN_BY_OTHER' end
                        where wish_id = :wishId and outcome = 'PENDING'""")
                .bind("wishId", wishId).bind("unitId", Sql.optional(unitId, UUID.class))
                .fetch().rowsUpdated();
        Mono<Long> claim = unitId.map(unit -> db.sql("""
                        insert into unit_claim (wish_id, unit_id, community_id, claimed_at)
                        select :wishId, :unitId, community_id, :at from unit_record_wish where wish_id = :wishId
                        on conflict (wish_id, unit_id) do update set claimed_at = excluded.claimed_at, released_at = null,
                            fulfilled_at = null, closed_at = null, rating = null, late = false""")
                .bind("wishId", wishId).bind("unitId", unit).bind("at", Sql.utc(at))
                .fetch().rowsUpdated()).orElse(Mono.just(0L));
        return answers.then(claim).then();
    }

    /** The wish is open for claiming again: candidates beaten to it get another chance. */
    public Mono<Void> released(UUID wishId, Optional<UUID> unitId, Instant at) {
        Mono<Long> reopen = db.sql("update unit_dispatch set outcome = 'PENDING' where wish_id = :wishId and outcome = 'TAKEN_BY_OTHER'")
                .bind("wishId", wishId).fetch().rowsUpdated();
        Mono<Long> release = unitId.map(unit -> db.sql("""
                        update unit_claim set released_at = :at where wish_id = :wishId and unit_id = :unitId and released_at is null""")
                .bind("wishId", wishId).bind("unitId", unit).bind("at", Sql.utc(at))
                .fetch().rowsUpdated()).orElse(Mono.just(0L));
        return reopen.then(release).then();
    }

    /** Fulfilled after the date the resident wanted is late. */
    public Mono<Void> fulfilled(UUID wishId, UUID unitId, Instant at) {
        return db.sql("""
                        update unit_claim c set fulfilled_at = :at,
                            late = c.late or coalesce(:at > (select wanted_by from unit_record_wish w where w.wish_id = c.wish_id), false)
                        where c.wish_id = :wishId and c.unit_id = :unitId and c.released_at is null""")
                .bind("wishId", wishId).bind("unitId", unitId).bind("at", Sql.utc(at))
                .fetch().rowsUpdated().then();
    }

    public Mono<Void> closed(UUID wishId, UUID unitId, Optional<Integer> rating, Instant at) {
        return db.sql("""
                        update unit_claim set closed_at = :at, rating = :rating
                        where wish_id = :wishId and unit_id = :unitId and released_at is null""")
                .bind("wishId", wishId).bind("unitId", unitId).bind("at", Sql.utc(at))
                .bind("rating", Sql.optional(rating, Integer.class))
                .fetch().rowsUpdated().then();
    }

    /** The claim deadline ran out: candidates still pending left the dispatch unanswered. */
    public Mono<Void> claimDeadlinePassed(UUID wishId) {
        return db.sql("update unit_dispatch set outcome = 'UNANSWERED' where wish_id = :wishId and outcome = 'PENDING'")
                .bind("wishId", wishId).fetch().rowsUpdated().then();
    }

    /** The fulfilment deadline ran out while a unit held the claim: that fulfilment is late. */
    public Mono<Void> fulfilmentDeadlinePassed(UUID wishId) {
        return db.sql("""
                        update unit_claim set late = true
                        where wish_id = :wishId and released_at is null and fulfilled_at is null""")
                .bind("wishId", wishId).fetch().rowsUpdated().then();
    }

    /** A unit's attendance at a closed joint meeting; a re-published closing records nothing twice. */
    public Mono<Void> meetingAttendance(UUID meetingId, UUID unitId, UUID communityId, String attendance, Instant at) {
        return db.sql("""
                        insert into unit_meeting_fact (meeting_id, unit_id, community_id, attendance, occurred_at)
                        values (:meeting, :unit, :community, :attendance, :at)
                        on conflict (meeting_id, unit_id) do nothing""")
                .bind("meeting", meetingId).bind("unit", unitId).bind("community", communityId)
                .bind("attendance", attendance).bind("at", Sql.utc(at))
                .fetch().rowsUpdated().then();
    }

    /** A fact of a unit's project life; {@code quarter} and {@code grade} only for a review. */
    public record ProjectFact(UUID projectId, UUID unitId, UUID communityId, String kind, String quarter, String grade,
                              Instant at) {
    }

    public Mono<Void> projectFact(ProjectFact fact) {
        return db.sql("""
                        insert into unit_project_fact (project_id, unit_id, community_id, kind, quarter, grade, occurred_at)
                        values (:project, :unit, :community, :kind, :quarter, :grade, :at)
                        on conflict do nothing""")
                .bind("project", fact.projectId()).bind("unit", fact.unitId()).bind("community", fact.communityId())
                .bind("kind", fact.kind())
                .bind("quarter", Sql.optional(Optional.ofNullable(fact.quarter()), String.class))
                .bind("grade", Sql.optional(Optional.ofNullable(fact.grade()), String.class))
                .bind("at", Sql.utc(fact.at()))
                .fetch().rowsUpdated().then();
    }

    /** Every member unit of the community with its figures for the quarter, zeros included. */
    public Flux<RedBlackList.Figures> figures(UUID communityId, Quarter quarter) {
        return db.sql("""
                        select u.id, u.name,
                               coalesce(c.claims, 0) as claims, coalesce(c.released, 0) as released,
                               coalesce(c.closed, 0) as closed, coalesce(c.on_time, 0) as on_time,
                               coalesce(c.ratings, 0) as ratings, coalesce(c.rating_sum, 0) as rating_sum,
                               coalesce(d.unanswered, 0) as unanswered,
                               coalesce(p.signed, 0) as p_signed, coalesce(p.declined, 0) as p_declined,
                               coalesce(p.on_time, 0) as p_on_time, coalesce(p.late, 0) as p_late,
                               coalesce(p.reminders, 0) as p_reminders, coalesce(p.escalations, 0) as p_escalations,
                               coalesce(p.reviews, 0) as p_reviews, coalesce(p.good, 0) as p_good,
                               coalesce(p.poor, 0) as p_poor, coalesce(m.present, 0) as m_present,
                               coalesce(m.excused, 0) as m_excused, coalesce(m.absent, 0) as m_absent
                        from member_unit u
                        left join (
                            select unit_id,
                                   count(*) filter (where claimed_at >= :from and claimed_at < :to) as claims,
                                   count(*) filter (where released_at >= :from and released_at < :to) as released,
                                   count(*) filter (where closed_at >= :from and closed_at < :to) as closed,
                                   count(*) filter (where closed_at >= :from and closed_at < :to and not late) as on_time,
                                   count(rating) filter (where closed_at >= :from and closed_at < :to) as ratings,
                                   sum(rating) filter (where closed_at >= :from and closed_at < :to) as rating_sum
                            from unit_claim where community_id = :communityId group by unit_id) c on c.unit_id = u.id
                        left join (
                            select unit_id, count(*) as unanswered from unit_dispatch
                            where community_id = :communityId and outcome = 'UNANSWERED'
                              and dispatched_at >= :from and dispatched_at < :to
                            group by unit_id) d on d.unit_id = u.id
                        left join (
                            select unit_id,
                                   count(*) filter (where kind = 'SIGNED' and in_quarter) as signed,
                                   count(*) filter (where kind = 'DECLINED' and in_quarter) as declined,
                                   count(*) filter (where kind = 'MILESTONE_ON_TIME' and in_quarter) as on_time,
                                   count(*) filter (where kind = 'MILESTONE_LATE' and in_quarter) as late,
                                   count(*) filter (where kind = 'REMINDER' and in_quarter) as reminders,
                                   count(*) filter (where kind = 'ESCALATION' and in_quarter) as escalations,
                                   count(*) filter (where kind = 'REVIEWED' and quarter = :quarter) as reviews,
                                   count(*) filter (where kind = 'REVIEWED' and quarter = :quarter
                                                    and grade in ('EXCELLENT', 'GOOD')) as good,
                                   count(*) filter (where kind = 'REVIEWED' and quarter = :quarter and grade = 'POOR') as poor
                            from (select *, occurred_at >= :from and occurred_at < :to as in_quarter
                                  from unit_project_fact where community_id = :communityId) f
                            group by unit_id) p on p.unit_id = u.id
                        left join (
                            select unit_id, count(*) filter (where attendance = 'PRESENT') as present,
                                   count(*) filter (where attendance = 'EXCUSED') as excused,
                                   count(*) filter (where attendance = 'ABSENT') as absent
                            from unit_meeting_fact
                            where community_id = :communityId and occurred_at >= :from and occurred_at < :to
                            group by unit_id) m on m.unit_id = u.id
                        where :communityId = any (u.community_ids)""")
                .bind("communityId", communityId)
                .bind("from", Sql.utc(quarter.start())).bind("to", Sql.utc(quarter.end()))
                .bind("quarter", quarter.toString())
                .map(row -> new RedBlackList.Figures(row.get("id", UUID.class), row.get("name", String.class),
                        count(row.get("claims", Long.class)), count(row.get("released", Long.class)),
                        count(row.get("closed", Long.class)), count(row.get("on_time", Long.class)),
                        count(row.get("ratings", Long.class)), count(row.get("rating_sum", Long.class)),
                        count(row.get("unanswered", Long.class)), new RedBlackList.Projects(
                                count(row.get("p_signed", Long.class)), count(row.get("p_declined", Long.class)),
                                count(row.get("p_on_time", Long.class)), count(row.get("p_late", Long.class)),
                                count(row.get("p_reminders", Long.class)), count(row.get("p_escalations", Long.class)),
                                count(row.get("p_reviews", Long.class)), count(row.get("p_good", Long.class)),
                                count(row.get("p_poor", Long.class))), new RedBlackList.Meetings(
                                count(row.get("m_present", Long.class)), count(row.get("m_excused", Long.class)),
                                count(row.get("m_absent", Long.class)))))
                .all();
    }

    private static int count(Long value) {
        return value == null ? 0 : value.intValue();
    }
}
