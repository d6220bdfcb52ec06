package org.gridgov.fieldwork.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.gridgov.kit.data.Sql;
import org.gridgov.kit.runtime.PeriodicTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Cases as Prometheus gauges for the district dashboards, refreshed periodically: each community's cases by
 * status, and each department's referred cases it is late to acknowledge (报到) now. Tagged by community and
 * department, never by case.
 */
@Component
class CaseMetrics extends PeriodicTask {

    private final DatabaseClient db;
    private final Clock clock;
    private final MultiGauge byStatus;
    private final MultiGauge lateAcknowledgements;

    CaseMetrics(DatabaseClient db, Clock clock, MeterRegistry meters,
                @Value("${gridgov.fieldwork.metrics-interval:60s}") Duration interval) {
        super("refreshing the case gauges", interval);
        this.db = db;
        this.clock = clock;
        this.byStatus = MultiGauge.builder("gridgov.fieldwork.cases")
                .description("cases of the community by status").register(meters);
        this.lateAcknowledgements = MultiGauge.builder("gridgov.fieldwork.acknowledgements.overdue")
                .description("cases referred to the department and not acknowledged within its SLA").register(meters);
    }

    @Override
    protected Mono<Void> runOnce() {
        Mono<List<MultiGauge.Row<?>>> statuses = db.sql(
                        "select community_id, status, count(*) as cases from field_case group by community_id, status")
                .<MultiGauge.Row<?>>map(row -> MultiGauge.Row.of(Tags.of(
                        "community", row.get("community_id", UUID.class).toString(),
                        "status", row.get("status", String.class)), row.get("cases", Long.class)))
                .all().collectList();
        Mono<List<MultiGauge.Row<?>>> late = db.sql("""
                        select d.id, d.name, count(c.id) as cases
                        from department d left join field_case c
                          on c.department_id = d.id and c.status = 'REFERRED' and c.due_at < :now
                        group by d.id, d.name""")
                .bind("now", Sql.utc(clock.instant()))
                .<MultiGauge.Row<?>>map(row -> MultiGauge.Row.of(Tags.of(
                        "department", row.get("id", UUID.class).toString(),
                        "department_name", row.get("name", String.class)), row.get("cases", Long.class)))
                .all().collectList();
        return Mono.zip(statuses, late).doOnNext(rows -> {
            byStatus.register(rows.getT1(), true);
            lateAcknowledgements.register(rows.getT2(), true);
        }).then();
    }
}
