package org.gridgov.committee.project.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.gridgov.committee.project.domain.Project;
import org.gridgov.committee.project.domain.ProjectStatus;
import org.gridgov.contracts.Category;
import org.gridgov.kit.domain.Refusal;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Projects, and the units' yearly quotas of them. */
@Component
public record ProjectStore(DatabaseClient db) {

    private static final String COLUMNS = """
            id, community_id, year, title, category, description, need_ids, status, unit_id, project_list_id, percent,
            created_at, updated_at, revision, cancel_reason""";

    public Mono<Project> find(UUID id) {
        return db.sql("select " + COLUMNS + " from project where id = :id").bind("id", id).map(ProjectStore::project).one();
    }

    /** The project, locked until the transaction ends. */
    public Mono<Project> findForUpdate(UUID id) {
        return db.sql("select " + COLUMNS + " from project where id = :id for update").bind("id", id)
                .map(ProjectStore::project).one();
    }

    public Flux<Project> inCommunity(UUID communityId, int year, List<ProjectStatus> statuses) {
        return db.sql("select " + COLUMNS + """
                         from project where community_id = :community and year = :year and status = any(:statuses)
                        order by created_at, id""")
                .bind("community", communityId).bind("year", year)
                .bind("statuses", statuses.stream().map(Enum::name).toArray(String[]::new))
                .map(ProjectStore::project).all();
    }

    public Mono<Void> insert(Project project) {
        return db.sql("""
                        insert into project (id, community_id, year, title, category, description, need_ids, status, unit_id,
                                             project_list_id, percent, created_at, updated_at, revision)
                        values (:id, :community, :year, :title, :category, :description, :needs, :status, :unit,
                                :list, :percent, :createdAt, :updatedAt, :revision)""")
                .bind("id", project.id())
                .bind("community", project.communityId())
                .bind("year", project.year())
                .bind("title", project.title())
                .bind("category", project.category().name())
                .bind("description", Parameter.fromOrEmpty(project.description(), String.class))
                .bind("needs", project.needIds().toArray(UUID[]::new))
                .bind("status", project.status().name())
                .bind("unit", Parameter.fromOrEmpty(project.unitId(), UUID.class))
                .bind("list", Parameter.fromOrEmpty(project.projectListId(), UUID.class))
                .bind("percent", project.percent())
                .bind("createdAt", utc(project.createdAt()))
                .bind("updatedAt", utc(project.updatedAt()))
                .bind("revision", project.revision())
                .fetch().rowsUpdated().then();
    }

    /**
     * Stores the project as a command left it, if nobody else changed it since it was read: of two
     * commands racing on one project, the second is refused with a conflict.
     */
    public Mono<Project> update(Project project) {
        return db.sql("""
                        update project set status = :status, unit_id = :unit, percent = :percent, updated_at = :updatedAt,
                                           revision = :revision, cancel_reason = :cancelReason
                        where id = :id and revision = :previous""")
                .bind("id", project.id())
                .bind("status", project.status().name())
                .bind("unit", Parameter.fromOrEmpty(project.unitId(), UUID.class))
                .bind("percent", project.percent())
                .bind("updatedAt", utc(project.updatedAt()))
                .bind("revision", project.revision())
                .bind("previous", project.revision() - 1)
                .bind("cancelReason", Parameter.fromOrEmpty(project.cancelReason(), String.class))
                .fetch().rowsUpdated()
                .flatMap(updated -> updated == 1 ? Mono.just(project)
                        : Mono.error(Refusal.conflict("Someone else changed this project at the same moment; "
                                + "read it again.")));
    }

    /**
     * The unit's quota for the year, its row locked until the transaction ends: a unit's claims (and
     * quota changes) run one after another, so two claims at once cannot both squeeze under it.
     */
    public Mono<Integer> lockQuota(UUID unitId, int year, int defaultQuota) {
        return db.sql("insert into unit_quota (unit_id, year, quota) values (:unit, :year, :quota) on conflict do nothing")
                .bind("unit", unitId).bind("year", year).bind("quota", defaultQuota)
                .fetch().rowsUpdated()
                .then(db.sql("select quota from unit_quota where unit_id = :unit and year = :year for update")
                        .bind("unit", unitId).bind("year", year)
                        .map(row -> row.get("quota", Integer.class)).one());
    }

    public Mono<Void> setQuota(UUID unitId, int year, int quota) {
        return db.sql("""
                        insert into unit_quota (unit_id, year, quota) values (:unit, :year, :quota)
                        on conflict (unit_id, year) do update set quota = excluded.quota""")
                .bind("unit", unitId).bind("year", year).bind("quota", quota)
                .fetch().rowsUpdated().then();
    }

    public Mono<Void> recordDecline(UUID projectId, UUID unitId, String reason, Instant at) {
        return db.sql("insert into decline (project_id, unit_id, reason, declined_at) values (:project, :unit, :reason, :at)")
                .bind("project", projectId).bind("unit", unitId).bind("reason", reason).bind("at", utc(at))
                .fetch().rowsUpdated().then();
    }

    /** How many projects the unit holds in the year (offered, claimed, signed or delivered). */
    public Mono<Long> heldBy(UUID unitId, int year) {
        return db.sql("select count(*) from project where unit_id = :unit and year = :year and status = any(:held)")
                .bind("unit", unitId).bind("year", year)
                .bind("held", Arrays.stream(ProjectStatus.values()).filter(ProjectStatus::isHeld).map(Enum::name)
                        .toArray(String[]::new))
                .map(row -> row.get(0, Long.class)).one();
    }

    private static Project project(Readable row) {
        return new Project(row.get("id", UUID.class), row.get("community_id", UUID.class), row.get("year", Integer.class),
                row.get("title", String.class), Category.valueOf(row.get("category", String.class)),
                row.get("description", String.class), Arrays.asList(row.get("need_ids", UUID[].class)),
                ProjectStatus.valueOf(row.get("status", String.class)), row.get("unit_id", UUID.class),
                row.get("project_list_id", UUID.class), row.get("percent", Integer.class),
                row.get("created_at", OffsetDateTime.class).toInstant(),
                row.get("updated_at", OffsetDateTime.class).toInstant(), row.get("revision", Integer.class),
                row.get("cancel_reason", String.class));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
