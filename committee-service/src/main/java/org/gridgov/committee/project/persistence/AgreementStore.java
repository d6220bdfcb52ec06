package org.gridgov.committee.project.persistence;

import static org.gridgov.committee.project.persistence.ProjectStore.utc;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.gridgov.committee.project.domain.Agreement;
import org.gridgov.committee.project.domain.Milestone;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Signed agreements with their milestones, and the progress reported against them. */
@Component
public record AgreementStore(DatabaseClient db) {

    /** Numbers the agreement (next in its community and year) and stores it with its milestones. */
    public Mono<Agreement> insert(Agreement draft, UUID communityId, int year) {
        return db.sql("""
                        insert into agreement_counter (community_id, year, last) values (:community, :year, 1)
                        on conflict (community_id, year) do update set last = agreement_counter.last + 1
                        returning last""")
                .bind("community", communityId).bind("year", year)
                .map(row -> row.get("last", Integer.class)).one()
                .flatMap(sequence -> save(draft.numbered(sequence, year), sequence, communityId, year));
    }

    private Mono<Agreement> save(Agreement agreement, int sequence, UUID communityId, int year) {
        return db.sql("""
                        insert into agreement (project_id, number, community_id, year, sequence, unit_id, signatory,
                                               commitments, signed_at)
                        values (:project, :number, :community, :year, :sequence, :unit, :signatory, :commitments,
                                :signedAt)""")
                .bind("project", agreement.projectId()).bind("number", agreement.number())
                .bind("community", communityId).bind("year", year)
                .bind("sequence", sequence)
                .bind("unit", agreement.unitId()).bind("signatory", agreement.signatory())
                .bind("commitments", agreement.commitments()).bind("signedAt", utc(agreement.signedAt()))
                .fetch().rowsUpdated()
                .thenMany(Flux.range(0, agreement.milestones().size()))
                .concatMap(position -> db.sql("""
                                insert into milestone (project_id, position, title, due_date)
                                values (:project, :position, :title, :due)""")
                        .bind("project", agreement.projectId()).bind("position", position)
                        .bind("title", agreement.milestones().get(position).title())
                        .bind("due", agreement.milestones().get(position).dueDate())
                        .fetch().rowsUpdated())
                .then(Mono.just(agreement));
    }

    public Mono<Agreement> find(UUID projectId) {
        return milestones(projectId).collectList().flatMap(milestones -> db.sql("""
                        select project_id, number, unit_id, signatory, commitments, signed_at from agreement
                        where project_id = :project""")
                .bind("project", projectId)
                .map(row -> new Agreement(row.get("project_id", UUID.class), row.get("number", String.class),
                        row.get("unit_id", UUID.class), row.get("signatory", String.class),
                        row.get("commitments", String.class), milestones,
                        row.get("signed_at", OffsetDateTime.class).toInstant()))
                .one());
    }

    /** The unit's name as member-service announced it, for the printed agreement; the id when it is not known. */
    public Mono<String> unitName(UUID unitId) {
        return db.sql("select name from unit where id = :unit").bind("unit", unitId)
                .map(row -> row.get("name", String.class)).one().defaultIfEmpty(unitId.toString());
    }

    private Flux<Milestone> milestones(UUID projectId) {
        return db.sql("select title, due_date, reached_at from milestone where project_id = :project order by position")
                .bind("project", projectId)
                .map(row -> {
                    OffsetDateTime reached = row.get("reached_at", OffsetDateTime.class);
                    return new Milestone(row.get("title", String.class), row.get("due_date", LocalDate.class),
                            reached == null ? null : reached.toInstant());
                })
                .all();
    }

    /** Marks the milestone of that title reached, if it was not yet; emits it as it is now, or nothing for an unknown title. */
    public Mono<Milestone> reach(UUID projectId, String title, Instant at) {
        return db.sql("""
                        update milestone set reached_at = coalesce(reached_at, :at)
                        where project_id = :project and title = :title
                        returning title, due_date, reached_at""")
                .bind("project", projectId).bind("title", title).bind("at", utc(at))
                .map(row -> new Milestone(row.get("title", String.class), row.get("due_date", LocalDate.class),
                        row.get("reached_at", OffsetDateTime.class).toInstant()))
                .all().next();
    }

    public record ProgressReport(UUID id, String milestone, String note, int percent, String evidenceUrl,
                                 Instant reportedAt) {
    }

    public Mono<Void> report(UUID projectId, ProgressReport report) {
        return db.sql("""
                        insert into progress_report (id, project_id, milestone, note, percent, evidence_url, reported_at)
                        values (:id, :project, :milestone, :note, :percent, :evidence, :at)""")
                .bind("id", report.id()).bind("project", projectId)
                .bind("milestone", Parameter.fromOrEmpty(report.milestone(), String.class))
                .bind("note", report.note()).bind("percent", report.percent())
                .bind("evidence", Parameter.fromOrEmpty(report.evidenceUrl(), String.class))
                .bind("at", utc(report.reportedAt()))
                .fetch().rowsUpdated().then();
    }

    public Mono<List<ProgressReport>> reports(UUID projectId) {
        return db.sql("""
                        select id, milestone, note, percent, evidence_url, reported_at from progress_report
                        where project_id = :project order by reported_at, id""")
                .bind("project", projectId)
                .map(row -> new ProgressReport(row.get("id", UUID.class), row.get("milestone", String.class),
                        row.get("note", String.class), row.get("percent", Integer.class),
                        row.get("evidence_url", String.class), row.get("reported_at", OffsetDateTime.class).toInstant()))
                .all().collectList();
    }
}
