package org.gridgov.committee.project.persistence;

import static org.gridgov.committee.project.persistence.ProjectStore.utc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.gridgov.committee.project.domain.Grade;
import org.gridgov.kit.domain.Refusal;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The committee's quarterly reviews of projects: one per project and quarter. */
@Component
public record ReviewStore(DatabaseClient db) {

    public record Review(String quarter, Grade grade, String comment, String reviewedBy, Instant reviewedAt) {
    }

    public Mono<Void> insert(UUID projectId, Review review) {
        return db.sql("""
                        insert into review (project_id, quarter, grade, comment, reviewed_by, reviewed_at)
                        values (:project, :quarter, :grade, :comment, :by, :at)
                        on conflict do nothing""")
                .bind("project", projectId).bind("quarter", review.quarter()).bind("grade", review.grade().name())
                .bind("comment", Parameter.fromOrEmpty(review.comment(), String.class))
                .bind("by", review.reviewedBy()).bind("at", utc(review.reviewedAt()))
                .fetch().rowsUpdated()
                .flatMap(inserted -> inserted == 1 ? Mono.<Void>empty()
                        : Mono.error(Refusal.conflict("This project was already reviewed for " + review.quarter() + ".")));
    }

    public Mono<List<Review>> of(UUID projectId) {
        return db.sql("""
                        select quarter, grade, comment, reviewed_by, reviewed_at from review where project_id = :project
                        order by quarter""")
                .bind("project", projectId)
                .map(row -> new Review(row.get("quarter", String.class), Grade.valueOf(row.get("grade", String.class)),
                        row.get("comment", String.class), row.get("reviewed_by", String.class),
                        row.get("reviewed_at", OffsetDateTime.class).toInstant()))
                .all().collectList();
    }
}
