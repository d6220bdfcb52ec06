package org.gridgov.committee.meeting.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.gridgov.committee.meeting.domain.AgendaItem;
import org.gridgov.committee.meeting.domain.Choice;
import org.gridgov.committee.meeting.domain.Invitees;
import org.gridgov.committee.meeting.domain.Meeting;
import org.gridgov.committee.meeting.domain.MeetingKind;
import org.gridgov.committee.meeting.domain.Motion;
import org.gridgov.committee.meeting.domain.Tally;
import org.gridgov.kit.domain.Quarter;
import org.gridgov.kit.domain.Refusal;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Meetings with their agendas, motions and votes. */
@Component
public record MeetingStore(DatabaseClient db) {

    private static final String COLUMNS = """
            id, community_id, grid_id, kind, title, scheduled_at, place, invited_unit_ids, invited_member_ids,
            department_names, present_ids, excused_ids, minutes, closed_at, organised_by, created_at, revision""";
    private static final String MOTION_COLUMNS = """
            id, meeting_id, agenda_item, text, status, eligible, present, votes_for, votes_against, abstentions,
            proposed_at, decided_at""";

    public Mono<Void> insert(Meeting meeting) {
        Mono<Long> row = db.sql("""
                        insert into meeting (id, community_id, grid_id, kind, title, scheduled_at, place, invited_unit_ids,
                                             invited_member_ids, department_names, organised_by, created_at, revision)
                        values (:id, :community, :grid, :kind, :title, :scheduledAt, :place, :units, :members,
                                :departments, :organisedBy, :createdAt, :revision)""")
                .bind("id", meeting.id())
                .bind("community", meeting.communityId())
                .bind("grid", Parameter.fromOrEmpty(meeting.gridId(), UUID.class))
                .bind("kind", meeting.kind().name())
                .bind("title", meeting.title())
                .bind("scheduledAt", utc(meeting.scheduledAt()))
                .bind("place", meeting.place())
                .bind("units", meeting.invitees().unitIds().toArray(UUID[]::new))
                .bind("members", meeting.invitees().memberIds().toArray(UUID[]::new))
                .bind("departments", meeting.invitees().departmentNames().toArray(String[]::new))
                .bind("organisedBy", meeting.organisedBy())
                .bind("createdAt", utc(meeting.createdAt()))
                .bind("revision", meeting.revision())
                .fetch().rowsUpdated();
        Flux<Long> items = Flux.range(0, meeting.agenda().size()).concatMap(position -> {
            AgendaItem item = meeting.agenda().get(position);
            return db.sql("""
                            insert into agenda_item (meeting_id, position, title, ref_kind, ref_id)
                            values (:meeting, :position, :title, :kind, :ref)""")
                    .bind("meeting", meeting.id()).bind("position", position).bind("title", item.title())
                    .bind("kind", item.refKind().name())
                    .bind("ref", Parameter.fromOrEmpty(item.refId(), UUID.class))
                    .fetch().rowsUpdated();
        });
        return row.thenMany(items).then();
    }

    public Mono<Meeting> find(UUID id) {
        return one("select " + COLUMNS + " from meeting where id = :id", id);
    }

    /** The meeting, locked until the transaction ends: its commands run one after another. */
    public Mono<Meeting> findForUpdate(UUID id) {
        return one("select " + COLUMNS + " from meeting where id = :id for update", id);
    }

    private Mono<Meeting> one(String sql, UUID id) {
        return db.sql(sql).bind("id", id).map(MeetingStore::row).one()
                .flatMap(row -> agenda(row.id()).map(row::with));
    }

    public Flux<Meeting> inCommunity(UUID communityId, Instant from, Instant to) {
        return db.sql("select " + COLUMNS + """
                         from meeting where community_id = :community and scheduled_at >= :from and scheduled_at < :to
                        order by scheduled_at, id limit 500""")
                .bind("community", communityId).bind("from", utc(from)).bind("to", utc(to))
                .map(MeetingStore::row).all()
                .concatMap(row -> agenda(row.id()).map(row::with));
    }

    private Mono<List<AgendaItem>> agenda(UUID meetingId) {
        return db.sql("select title, ref_kind, ref_id from agenda_item where meeting_id = :id order by position")
                .bind("id", meetingId)
                .map(row -> new AgendaItem(row.get("title", String.class),
                        AgendaItem.Ref.valueOf(row.get("ref_kind", String.class)), row.get("ref_id", UUID.class)))
                .all().collectList();
    }

    /** Stores attendance, minutes and closing; refused if someone else changed the meeting since it was read. */
    public Mono<Meeting> update(Meeting meeting) {
        return db.sql("""
                        update meeting set present_ids = :present, excused_ids = :excused, minutes = :minutes,
                                           closed_at = :closedAt, revision = :revision
                        where id = :id and revision = :previous""")
                .bind("id", meeting.id())
                .bind("present", meeting.present().toArray(UUID[]::new))
                .bind("excused", meeting.excused().toArray(UUID[]::new))
                .bind("minutes", Parameter.fromOrEmpty(meeting.minutes(), String.class))
                .bind("closedAt", Parameter.fromOrEmpty(meeting.closedAt() == null ? null : utc(meeting.closedAt()),
                        OffsetDateTime.class))
                .bind("revision", meeting.revision())
                .bind("previous", meeting.revision() - 1)
                .fetch().rowsUpdated()
                .flatMap(updated -> updated == 1 ? Mono.just(meeting)
                        : Mono.error(Refusal.conflict("Someone else changed this meeting at the same moment; read it again.")));
    }

    public Mono<Void> insert(Motion motion) {
        return db.sql("""
                        insert into motion (id, meeting_id, agenda_item, text, status, proposed_at)
                        values (:id, :meeting, :item, :text, :status, :at)""")
                .bind("id", motion.id()).bind("meeting", motion.meetingId()).bind("item", motion.agendaItem())
                .bind("text", motion.text()).bind("status", motion.status().name()).bind("at", utc(motion.proposedAt()))
                .fetch().rowsUpdated().then();
    }

    public Mono<Motion> findMotion(UUID id) {
        return db.sql("select " + MOTION_COLUMNS + " from motion where id = :id").bind("id", id)
                .map(MeetingStore::motion).one();
    }

    public Mono<Motion> findMotionForUpdate(UUID id) {
        return db.sql("select " + MOTION_COLUMNS + " from motion where id = :id for update").bind("id", id)
                .map(MeetingStore::motion).one();
    }

    public Flux<Motion> motionsOf(UUID meetingId) {
        return db.sql("select " + MOTION_COLUMNS + " from motion where meeting_id = :id order by proposed_at, id")
                .bind("id", meetingId).map(MeetingStore::motion).all();
    }

    public Mono<Void> decide(Motion motion) {
        Tally tally = motion.tally();
        return db.sql("""
                        update motion set status = :status, eligible = :eligible, present = :present, votes_for = :for,
                                          votes_against = :against, abstentions = :abstentions, decided_at = :at
                        where id = :id and status = 'OPEN'""")
                .bind("id", motion.id()).bind("status", motion.status().name()).bind("eligible", tally.eligible())
                .bind("present", tally.present()).bind("for", tally.votesFor()).bind("against", tally.votesAgainst())
                .bind("abstentions", tally.abstentions()).bind("at", utc(motion.decidedAt()))
                .fetch().rowsUpdated().then();
    }

    /** Records the vote, replacing the voter's earlier one on the motion. */
    public Mono<Void> vote(UUID motionId, UUID voterId, Choice choice, Instant at) {
        return db.sql("""
                        insert into motion_vote (motion_id, voter_id, choice, cast_at) values (:motion, :voter, :choice, :at)
                        on conflict (motion_id, voter_id) do update set choice = excluded.choice, cast_at = excluded.cast_at""")
                .bind("motion", motionId).bind("voter", voterId).bind("choice", choice.name()).bind("at", utc(at))
                .fetch().rowsUpdated().then();
    }

    public Mono<Map<UUID, Choice>> votes(UUID motionId) {
        return db.sql("select voter_id, choice from motion_vote where motion_id = :id order by voter_id")
                .bind("id", motionId)
                .map(row -> Map.entry(row.get("voter_id", UUID.class), Choice.valueOf(row.get("choice", String.class))))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue, LinkedHashMap::new);
    }

    /** Which of these ids are member units of the community's committee. */
    public Flux<UUID> unitsOf(UUID communityId, List<UUID> ids) {
        return known("select id from unit where id = any(:ids) and community_ids @> array[:community]::uuid[]",
                communityId, ids);
    }

    /** Which of these ids are party members registered with the community. */
    public Flux<UUID> membersOf(UUID communityId, List<UUID> ids) {
        return known("select id from member where id = any(:ids) and community_id = :community", communityId, ids);
    }

    /** Which of these ids are needs of the community. */
    public Flux<UUID> needsOf(UUID communityId, List<UUID> ids) {
        return known("select id from need where id = any(:ids) and community_id = :community", communityId, ids);
    }

    /** Which of these ids are residents' wishes of the community. */
    public Flux<UUID> wishesOf(UUID communityId, List<UUID> ids) {
        return known("select id from wish where id = any(:ids) and community_id = :community", communityId, ids);
    }

    /** Which of these ids are projects of the community. */
    public Flux<UUID> projectsOf(UUID communityId, List<UUID> ids) {
        return known("select id from project where id = any(:ids) and community_id = :community", communityId, ids);
    }

    private Flux<UUID> known(String sql, UUID communityId, List<UUID> ids) {
        return ids.isEmpty() ? Flux.empty()
                : db.sql(sql).bind("ids", ids.toArray(UUID[]::new)).bind("community", communityId)
                        .map(row -> row.get("id", UUID.class)).all();
    }

    /**
     * What a quarterly joint meeting reviews: the community's projects under way in the quarter's year (signed, or
     * completed and awaiting their final review) not yet reviewed for that quarter (项目评议), their milestones past due
     * (督办), and the needs no project takes up yet.
     */
    public Flux<AgendaItem> jointAgenda(UUID communityId, Quarter quarter, Instant now) {
        Flux<AgendaItem> reviews = db.sql("""
                        select p.id, p.title from project p where p.community_id = :community and p.year = :year
                          and p.status in ('SIGNED', 'COMPLETED')
                          and not exists (select 1 from review r where r.project_id = p.id and r.quarter = :quarter)
                        order by p.created_at, p.id""")
                .bind("community", communityId).bind("year", quarter.year()).bind("quarter", quarter.toString())
                .map(row -> new AgendaItem("项目评议 " + quarter + ": " + row.get("title", String.class), AgendaItem.Ref.PROJECT,
                        row.get("id", UUID.class))).all();
        Flux<AgendaItem> supervision = db.sql("""
                        select p.id, p.title, m.title as milestone from milestone m join project p on p.id = m.project_id
                        where p.community_id = :community and p.status = 'SIGNED' and m.reached_at is null
                          and m.due_date < :today order by m.due_date, p.id, m.position""")
                .bind("community", communityId).bind("today", now.atOffset(ZoneOffset.UTC).toLocalDate())
                .map(row -> new AgendaItem("督办: " + row.get("title", String.class) + " — "
                        + row.get("milestone", String.class), AgendaItem.Ref.PROJECT, row.get("id", UUID.class))).all();
        Flux<AgendaItem> needs = db.sql("""
                        select n.id, n.title, n.category from need n where n.community_id = :community
                          and not exists (select 1 from project p where p.community_id = :community and n.id = any(p.need_ids)
                                          and p.status not in ('SUPERSEDED', 'CANCELLED'))
                        order by n.id limit 50""")
                .bind("community", communityId)
                .map(row -> new AgendaItem("需求: " + (row.get("title", String.class) == null
                        ? row.get("category", String.class) : row.get("title", String.class)),
                        AgendaItem.Ref.NEED, row.get("id", UUID.class))).all();
        return Flux.concat(reviews, supervision, needs);
    }

    private record Row(Meeting meeting) {
        UUID id() {
            return meeting.id();
        }

        Meeting with(List<AgendaItem> agenda) {
            Meeting m = meeting;
            return new Meeting(m.id(), m.communityId(), m.gridId(), m.kind(), m.title(), m.scheduledAt(), m.place(),
                    agenda, m.invitees(), m.present(), m.excused(), m.minutes(), m.closedAt(), m.organisedBy(),
                    m.createdAt(), m.revision());
        }
    }

    private static Row row(Readable row) {
        OffsetDateTime closed = row.get("closed_at", OffsetDateTime.class);
        return new Row(new Meeting(row.get("id", UUID.class), row.get("community_id", UUID.class),
                row.get("grid_id", UUID.class), MeetingKind.valueOf(row.get("kind", String.class)),
                row.get("title", String.class), row.get("scheduled_at", OffsetDateTime.class).toInstant(),
                row.get("place", String.class), List.of(),
                new Invitees(Arrays.asList(row.get("invited_unit_ids", UUID[].class)),
                        Arrays.asList(row.get("invited_member_ids", UUID[].class)),
                        Arrays.asList(row.get("department_names", String[].class))),
                ordered(row.get("present_ids", UUID[].class)), ordered(row.get("excused_ids", UUID[].class)),
                row.get("minutes", String.class), closed == null ? null : closed.toInstant(),
                row.get("organised_by", String.class), row.get("created_at", OffsetDateTime.class).toInstant(),
                row.get("revision", Integer.class)));
    }

    private static Set<UUID> ordered(UUID[] ids) {
        return new LinkedHashSet<>(Arrays.asList(ids));
    }

    private static Motion motion(Readable row) {
        Integer eligible = row.get("eligible", Integer.class);
        OffsetDateTime decided = row.get("decided_at", OffsetDateTime.class);
        return new Motion(row.get("id", UUID.class), row.get("meeting_id", UUID.class),
                row.get("agenda_item", Integer.class), row.get("text", String.class),
                Motion.Status.valueOf(row.get("status", String.class)),
                eligible == null ? null : new Tally(eligible, row.get("present", Integer.class),
                        row.get("votes_for", Integer.class), row.get("votes_against", Integer.class),
                        row.get("abstentions", Integer.class)),
                row.get("proposed_at", OffsetDateTime.class).toInstant(), decided == null ? null : decided.toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
