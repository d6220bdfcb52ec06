package org.gridgov.committee.supervision.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.gridgov.committee.supervision.domain.Overdue;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The unreached milestones of signed projects, and whom supervision told about them when. */
@Component
public record SupervisionStore(DatabaseClient db) {

    private static final String LATE = """
            select m.project_id, m.position, m.title, m.due_date, m.reminded_at, m.escalated_at,
                   p.community_id, p.year, p.unit_id, p.title as project_title
            from milestone m join project p on p.id = m.project_id
            where p.status = 'SIGNED' and m.reached_at is null and m.escalated_at is null and m.due_date < :today""";

    public record LateMilestone(UUID projectId, int position, String title, LocalDate dueDate, Instant remindedAt,
                                Instant escalatedAt, UUID communityId, int year, UUID unitId, String projectTitle) {
    }

    /**
     * Late milestones not yet escalated, locked until the transaction ends; a milestone another replica
     * holds is skipped, so each alert is sent by one replica only.
     */
    public Flux<LateMilestone> lockLate(Instant now, int limit) {
        return db.sql(LATE + " order by m.due_date limit :limit for update of m skip locked")
                .bind("today", LocalDate.ofInstant(now, ZoneOffset.UTC)).bind("limit", limit)
                .map(SupervisionStore::late).all();
    }

    public Mono<Void> mark(LateMilestone milestone, Overdue.Level level, Instant at) {
        String column = level == Overdue.Level.REMINDER ? "reminded_at" : "escalated_at";
        return db.sql("update milestone set " + column + " = :at where project_id = :project and position = :position")
                .bind("at", at.atOffset(ZoneOffset.UTC)).bind("project", milestone.projectId())
                .bind("position", milestone.position())
                .fetch().rowsUpdated().then();
    }

    /** What is late in the community now, the latest first; escalated ones stay on the list until reached. */
    public Flux<LateMilestone> lateIn(UUID communityId, Instant now) {
        return db.sql("""
                        select m.project_id, m.position, m.title, m.due_date, m.reminded_at, m.escalated_at,
                               p.community_id, p.year, p.unit_id, p.title as project_title
                        from milestone m join project p on p.id = m.project_id
                        where p.community_id = :community and p.status = 'SIGNED' and m.reached_at is null
                          and m.due_date < :today
                        order by m.due_date, p.id, m.position""")
                .bind("community", communityId).bind("today", LocalDate.ofInstant(now, ZoneOffset.UTC))
                .map(SupervisionStore::late).all();
    }

    private static LateMilestone late(Readable row) {
        OffsetDateTime reminded = row.get("reminded_at", OffsetDateTime.class);
        OffsetDateTime escalated = row.get("escalated_at", OffsetDateTime.class);
        return new LateMilestone(row.get("project_id", UUID.class), row.get("position", Integer.class),
                row.get("title", String.class), row.get("due_date", LocalDate.class),
                reminded == null ? null : reminded.toInstant(), escalated == null ? null : escalated.toInstant(),
                row.get("community_id", UUID.class), row.get("year", Integer.class), row.get("unit_id", UUID.class),
                row.get("project_title", String.class));
    }
}
