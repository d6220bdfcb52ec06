package org.gridgov.committee.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.gridgov.kit.runtime.PeriodicTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The committee's projects as Prometheus gauges for the district dashboards, refreshed periodically:
 * this year's projects of each community by status, and each community's milestones past due and
 * unreached (督办), of which how many were escalated to its admins. Tagged by community, never by unit.
 */
@Component
class ProjectMetrics extends PeriodicTask {

    private final DatabaseClient db;
    private final Clock clock;
    private final MultiGauge projects;
    private final MultiGauge overdue;

    ProjectMetrics(DatabaseClient db, Clock clock, MeterRegistry meters,
                   @Value("${gridgov.committee.metrics-interval:60s}") Duration interval) {
        super("refreshing the project gauges", interval);
        this.db = db;
        this.clock = clock;
        this.projects = MultiGauge.builder("gridgov.committee.projects")
                .description("this year's projects of the community by status").register(meters);
        this.overdue = MultiGauge.builder("gridgov.committee.milestones.overdue")
                .description("milestones of signed projects past due and unreached, by whether they were escalated")
                .register(meters);
    }

    @Override
    protected Mono<Void> runOnce() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        Mono<List<MultiGauge.Row<?>>> byStatus = db.sql("""
                        select community_id, status, count(*) as projects from project where year = :year
                        group by community_id, status""")
                .bind("year", today.getYear())
                .<MultiGauge.Row<?>>map(row -> row(Tags.of("community", row.get("community_id", UUID.class).toString(),
                        "status", row.get("status", String.class)), row.get("projects", Long.class)))
                .all().collectList();
        Mono<List<MultiGauge.Row<?>>> late = db.sql("""
                        select p.community_id, m.escalated_at is not null as escalated, count(*) as milestones
                        from milestone m join project p on p.id = m.project_id
                        where p.status = 'SIGNED' and m.reached_at is null and m.due_date < :today
                        group by p.community_id, m.escalated_at is not null""")
                .bind("today", today)
                .<MultiGauge.Row<?>>map(row -> row(Tags.of("community", row.get("community_id", UUID.class).toString(),
                        "escalated", String.valueOf(row.get("escalated", Boolean.class))), row.get("milestones", Long.class)))
                .all().collectList();
        return Mono.zip(byStatus, late).doOnNext(rows -> {
            projects.register(rows.getT1(), true);
            overdue.register(rows.getT2(), true);
        }).then();
    }

    private static MultiGauge.Row<?> row(Tags tags, long value) {
        return MultiGauge.Row.of(tags, value);
    }
}
