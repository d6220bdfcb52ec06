package org.gridgov.committee.deliberation.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.gridgov.committee.deliberation.domain.Deliberation;
import org.gridgov.committee.deliberation.domain.Notice;
import org.gridgov.committee.deliberation.domain.ResolvedProject;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Deliberations, their steps, and the notice board of their disclosures. */
@Component
public record DeliberationStore(DatabaseClient db) {

    private static final String COLUMNS = "id, community_id, title, description, need_ids, status, created_at, revision";

    public Mono<Void> insert(Deliberation deliberation) {
        return db.sql("""
                        insert into deliberation (id, community_id, title, description, need_ids, status, created_at, revision)
                        values (:id, :community, :title, :description, :needs, :status, :at, :revision)""")
                .bind("id", deliberation.id()).bind("community", deliberation.communityId())
                .bind("title", deliberation.title()).bind("description", deliberation.description())
                .bind("needs", deliberation.needIds().toArray(UUID[]::new)).bind("status", deliberation.status().name())
                .bind("at", utc(deliberation.createdAt())).bind("revision", deliberation.revision())
                .fetch().rowsUpdated().then();
    }

    public Mono<Deliberation> find(UUID id) {
        return one("select " + COLUMNS + " from deliberation where id = :id", id);
    }

    public Mono<Deliberation> findForUpdate(UUID id) {
        return one("select " + COLUMNS + " from deliberation where id = :id for update", id);
    }

    private Mono<Deliberation> one(String sql, UUID id) {
        return db.sql(sql).bind("id", id).map(DeliberationStore::row).one()
                .flatMap(found -> db.sql("""
                                select stage, meeting_id, motion_id, passed, taken_at from deliberation_step
                                where deliberation_id = :id order by position""")
                        .bind("id", id)
                        .map(row -> new Deliberation.Step(Deliberation.Stage.valueOf(row.get("stage", String.class)),
                                row.get("meeting_id", UUID.class), row.get("motion_id", UUID.class),
                                row.get("passed", Boolean.class), row.get("taken_at", OffsetDateTime.class).toInstant()))
                        .all().collectList()
                        .map(steps -> new Deliberation(found.id(), found.communityId(), found.title(), found.description(),
                                found.needIds(), steps, found.status(), found.createdAt(), found.revision())));
    }

    /** Stores the new status and the step just taken, if any. */
    public Mono<Void> update(Deliberation deliberation, Deliberation.Step taken) {
        Mono<Long> status = db.sql("update deliberation set status = :status, revision = :revision where id = :id")
                .bind("id", deliberation.id()).bind("status", deliberation.status().name())
                .bind("revision", deliberation.revision()).fetch().rowsUpdated();
        Mono<Long> step = taken == null ? Mono.just(0L) : db.sql("""
                        insert into deliberation_step (deliberation_id, position, stage, meeting_id, motion_id, passed, taken_at)
                        values (:id, :position, :stage, :meeting, :motion, :passed, :at)""")
                .bind("id", deliberation.id()).bind("position", taken.stage().ordinal()).bind("stage", taken.stage().name())
                .bind("meeting", taken.meetingId()).bind("motion", taken.motionId()).bind("passed", taken.passed())
                .bind("at", utc(taken.takenAt())).fetch().rowsUpdated();
        return status.then(step).then();
    }

    public Mono<Void> publish(Notice notice) {
        return db.sql("""
                        insert into disclosure (id, deliberation_id, community_id, kind, title, text, published_at)
                        values (:id, :deliberation, :community, :kind, :title, :text, :at)""")
                .bind("id", notice.id()).bind("deliberation", notice.deliberationId())
                .bind("community", notice.communityId()).bind("kind", notice.kind()).bind("title", notice.title())
                .bind("text", notice.text()).bind("at", utc(notice.publishedAt()))
                .fetch().rowsUpdated().then();
    }

    /** The community's notice board, the latest first. */
    public Flux<Notice> noticesOf(UUID communityId) {
        return db.sql("""
                        select id, deliberation_id, community_id, kind, title, text, published_at from disclosure
                        where community_id = :community order by published_at desc, id limit 500""")
                .bind("community", communityId)
                .map(row -> new Notice(row.get("id", UUID.class), row.get("deliberation_id", UUID.class),
                        row.get("community_id", UUID.class), row.get("kind", String.class), row.get("title", String.class),
                        row.get("text", String.class), row.get("published_at", OffsetDateTime.class).toInstant()))
                .all();
    }

    /** Records that the deliberation's resolution created the project. */
    public Mono<Void> link(UUID deliberationId, UUID projectId) {
        return db.sql("insert into deliberation_project (project_id, deliberation_id) values (:project, :deliberation)")
                .bind("project", projectId).bind("deliberation", deliberationId).fetch().rowsUpdated().then();
    }

    /** The deliberation whose resolution created the project, if one did. */
    public Mono<UUID> deliberationOf(UUID projectId) {
        return db.sql("select deliberation_id from deliberation_project where project_id = :project")
                .bind("project", projectId).map(row -> row.get("deliberation_id", UUID.class)).one();
    }

    /** The projects the deliberation's resolution created, oldest first. */
    public Flux<ResolvedProject> projectsOf(UUID deliberationId) {
        return db.sql("""
                        select p.id, p.title, p.status from deliberation_project d join project p on p.id = d.project_id
                        where d.deliberation_id = :deliberation order by p.created_at, p.id""")
                .bind("deliberation", deliberationId)
                .map(row -> new ResolvedProject(row.get("id", UUID.class), row.get("title", String.class),
                        row.get("status", String.class)))
                .all();
    }

    public Flux<UUID> needsOf(UUID communityId, List<UUID> ids) {
        return ids.isEmpty() ? Flux.empty()
                : db.sql("select id from need where id = any(:ids) and community_id = :community")
                        .bind("ids", ids.toArray(UUID[]::new)).bind("community", communityId)
                        .map(row -> row.get("id", UUID.class)).all();
    }

    private static Deliberation row(Readable row) {
        return new Deliberation(row.get("id", UUID.class), row.get("community_id", UUID.class),
                row.get("title", String.class), row.get("description", String.class),
                Arrays.asList(row.get("need_ids", UUID[].class)), List.of(),
                Deliberation.Status.valueOf(row.get("status", String.class)),
                row.get("created_at", OffsetDateTime.class).toInstant(), row.get("revision", Integer.class));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
