package org.gridgov.committee.activity.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.gridgov.committee.activity.domain.Activity;
import org.gridgov.committee.activity.domain.Registration;
import org.gridgov.committee.activity.domain.Teams;
import org.gridgov.kit.data.Sql;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Activities and their registrations. */
@Component
public record ActivityStore(DatabaseClient db) {

    private static final String COLUMNS = """
            id, community_id, title, kind, starts_at, ends_at, place, capacity, hours, points, organiser_unit_ids,
            created_by, created_at, completed_at""";

    public Mono<Void> insert(Activity a) {
        return db.sql("""
                        insert into activity (id, community_id, title, kind, starts_at, ends_at, place, capacity, hours,
                                              points, organiser_unit_ids, created_by, created_at)
                        values (:id, :community, :title, :kind, :startsAt, :endsAt, :place, :capacity, :hours, :points,
                                :units, :createdBy, :createdAt)""")
                .bind("id", a.id()).bind("community", a.communityId()).bind("title", a.title()).bind("kind", a.kind())
                .bind("startsAt", Sql.utc(a.startsAt())).bind("endsAt", Sql.utc(a.endsAt())).bind("place", a.place())
                .bind("capacity", a.capacity()).bind("hours", a.hours()).bind("points", a.points())
                .bind("units", a.organiserUnitIds().toArray(UUID[]::new)).bind("createdBy", a.createdBy())
                .bind("createdAt", Sql.utc(a.createdAt()))
                .fetch().rowsUpdated().then();
    }

    public Mono<Activity> find(UUID id) {
        return db.sql("select " + COLUMNS + " from activity where id = :id").bind("id", id).map(ActivityStore::row).one();
    }

    /** The activity, locked until the transaction ends: registrations for it queue, so its capacity holds. */
    public Mono<Activity> findForUpdate(UUID id) {
        return db.sql("select " + COLUMNS + " from activity where id = :id for update").bind("id", id)
                .map(ActivityStore::row).one();
    }

    public Flux<Activity> inCommunity(UUID communityId, Instant from, Instant to) {
        return db.sql("select " + COLUMNS + """
                         from activity where community_id = :community and starts_at >= :from and starts_at < :to
                        order by starts_at, id limit 500""")
                .bind("community", communityId).bind("from", Sql.utc(from)).bind("to", Sql.utc(to))
                .map(ActivityStore::row).all();
    }

    public Mono<Void> complete(Activity activity) {
        return db.sql("update activity set completed_at = :at where id = :id and completed_at is null")
                .bind("id", activity.id()).bind("at", Sql.utc(activity.completedAt()))
                .fetch().rowsUpdated().then();
    }

    public Mono<Long> registered(UUID activityId) {
        return db.sql("select count(*) from activity_registration where activity_id = :id").bind("id", activityId)
                .map(row -> row.get(0, Long.class)).one();
    }

    /** Emits false when the person had signed up already. */
    public Mono<Boolean> register(Registration r) {
        return db.sql("""
                        insert into activity_registration (activity_id, person_id, person_kind, registered_at)
                        values (:activity, :person, :kind, :at) on conflict do nothing""")
                .bind("activity", r.activityId()).bind("person", r.personId()).bind("kind", r.kind().name())
                .bind("at", Sql.utc(r.registeredAt()))
                .fetch().rowsUpdated().map(inserted -> inserted == 1);
    }

    /** Emits false when the person had not signed up. */
    public Mono<Boolean> cancel(UUID activityId, UUID personId) {
        return db.sql("delete from activity_registration where activity_id = :activity and person_id = :person")
                .bind("activity", activityId).bind("person", personId)
                .fetch().rowsUpdated().map(deleted -> deleted == 1);
    }

    /** Emits the registration checked in (at its first check-in's time), or nothing when the person had not signed up. */
    public Mono<Registration> checkIn(UUID activityId, UUID personId, Instant at) {
        return db.sql("""
                        update activity_registration set checked_in_at = coalesce(checked_in_at, :at)
                        where activity_id = :activity and person_id = :person
                        returning activity_id, person_id, person_kind, registered_at, checked_in_at""")
                .bind("activity", activityId).bind("person", personId).bind("at", Sql.utc(at))
                .map(ActivityStore::registration).one();
    }

    public Flux<Registration> registrations(UUID activityId) {
        return db.sql("""
                        select activity_id, person_id, person_kind, registered_at, checked_in_at
                        from activity_registration where activity_id = :id order by registered_at, person_id""")
                .bind("id", activityId).map(ActivityStore::registration).all();
    }

    /** Who is signed up, each with the grid of the party member (from member.events; none for a volunteer). */
    public Flux<Teams.Placed> placedRegistrations(UUID activityId) {
        return db.sql("""
                        select r.activity_id, r.person_id, r.person_kind, r.registered_at, r.checked_in_at, m.grid_id
                        from activity_registration r
                        left join member m on r.person_kind = 'PARTY_MEMBER' and m.id = r.person_id
                        where r.activity_id = :id order by r.registered_at, r.person_id""")
                .bind("id", activityId)
                .map(row -> new Teams.Placed(registration(row), row.get("grid_id", UUID.class), null)).all();
    }

    /** Which of these ids are member units of the community's committee. */
    public Flux<UUID> unitsOf(UUID communityId, List<UUID> ids) {
        return ids.isEmpty() ? Flux.empty()
                : db.sql("select id from unit where id = any(:ids) and community_ids @> array[:community]::uuid[]")
                        .bind("ids", ids.toArray(UUID[]::new)).bind("community", communityId)
                        .map(row -> row.get("id", UUID.class)).all();
    }

    /** Whether the committee knows this party member or volunteer (from member.events). */
    public Mono<Boolean> isKnown(Registration.PersonKind kind, UUID personId) {
        String table = kind == Registration.PersonKind.VOLUNTEER ? "volunteer" : "member";
        return db.sql("select exists (select 1 from " + table + " where id = :id)").bind("id", personId)
                .map(row -> row.get(0, Boolean.class)).one();
    }

    private static Registration registration(Readable row) {
        return new Registration(row.get("activity_id", UUID.class), row.get("person_id", UUID.class),
                Registration.PersonKind.valueOf(row.get("person_kind", String.class)),
                row.get("registered_at", OffsetDateTime.class).toInstant(),
                Sql.instant(row, "checked_in_at").orElse(null));
    }

    private static Activity row(Readable row) {
        return new Activity(row.get("id", UUID.class), row.get("community_id", UUID.class), row.get("title", String.class),
                row.get("kind", String.class), row.get("starts_at", OffsetDateTime.class).toInstant(),
                row.get("ends_at", OffsetDateTime.class).toInstant(), row.get("place", String.class),
                row.get("capacity", Integer.class), row.get("hours", BigDecimal.class), row.get("points", Integer.class),
                Arrays.asList(row.get("organiser_unit_ids", UUID[].class)), row.get("created_by", String.class),
                row.get("created_at", OffsetDateTime.class).toInstant(), Sql.instant(row, "completed_at").orElse(null));
    }
}
