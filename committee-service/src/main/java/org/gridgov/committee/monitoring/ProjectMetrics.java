package org.gridgov.committee.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.gridgov.kit.data.SqlGauges;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The committee's projects as Prometheus gauges for the district dashboards, refreshed periodically:
 * this year's projects of each community by status, and each community's milestones past due and
 * unreached (督办), of which how many were escalated to its admins. Tagged by community, never by unit.
 */
@Configuration(proxyBeanMethods = false)
class ProjectMetrics {

    @Bean
    SqlGauges projectGauges(DatabaseClient db, Clock clock, MeterRegistry meters,
                            @Value("${gridgov.committee.metrics-interval:60s}") Duration interval) {
        return new SqlGauges("refreshing the project gauges", interval, db, meters)
                .gauge("gridgov.committee.projects", "this year's projects of the community by status", """
                                select community_id, status, count(*) as value from project where year = :year
                                group by community_id, status""",
                        () -> Map.of("year", LocalDate.now(clock.withZone(ZoneOffset.UTC)).getYear()),
                        row -> Tags.of("community", row.get("community_id", UUID.class).toString(),
                                "status", row.get("status", String.class)))
                .gauge("gridgov.committee.milestones.overdue",
                        "milestones of signed projects past due and unreached, by whether they were escalated", """
                                select p.community_id, m.escalated_at is not null as escalated, count(*) as value
                                from milestone m join project p on p.id = m.project_id
                                where p.status = 'SIGNED' and m.reached_at is null and m.due_date < :today
                                group by p.community_id, m.escalated_at is not null""",
                        () -> Map.of("today", LocalDate.now(clock.withZone(ZoneOffset.UTC))),
                        row -> Tags.of("community", row.get("community_id", UUID.class).toString(),
                                "escalated", String.valueOf(row.get("escalated", Boolean.class))));
    }
}
