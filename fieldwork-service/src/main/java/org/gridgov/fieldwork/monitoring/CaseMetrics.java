package org.gridgov.fieldwork.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.gridgov.kit.data.Sql;
import org.gridgov.kit.data.SqlGauges;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Cases as Prometheus gauges for the district dashboards, refreshed periodically: each community's cases by
 * status, each department's referred cases it is late to acknowledge (报到) now, and the roll call of the
 * emergency operations under way. Tagged by community, department or operation, never by case or person.
 */
@Configuration(proxyBeanMethods = false)
class CaseMetrics {

    @Bean
    SqlGauges caseGauges(DatabaseClient db, Clock clock, MeterRegistry meters,
                         @Value("${gridgov.fieldwork.metrics-interval:60s}") Duration interval) {
        return new SqlGauges("refreshing the case gauges", interval, db, meters)
                .gauge("gridgov.fieldwork.cases", "cases of the community by status",
                        "select community_id, status, count(*) as value from field_case group by community_id, status",
                        Map::of, row -> Tags.of("community", row.get("community_id", UUID.class).toString(),
                                "status", row.get("status", String.class)))
                .gauge("gridgov.fieldwork.acknowledgements.overdue",
                        "cases referred to the department and not acknowledged within its SLA", """
                                select d.id, d.name, count(c.id) as value
                                from department d left join field_case c
                                  on c.department_id = d.id and c.status = 'REFERRED' and c.due_at < :now
                                group by d.id, d.name""",
                        () -> Map.of("now", Sql.utc(clock.instant())),
                        row -> Tags.of("department", row.get("id", UUID.class).toString(),
                                "department_name", row.get("name", String.class)))
                // the live roll call of the emergency operations under way (战时攻坚): every status, 0 when none is open,
                // so the panel and its queries exist before the first call-out
                .gauge("gridgov.fieldwork.operation.callees", "members and units called out to the open operations, by status",
                        """
                                select s.status, count(c.operation_id) as value
                                from (values ('CALLED'), ('ON_THE_WAY'), ('ARRIVED'), ('UNAVAILABLE')) as s(status)
                                left join operation_callee c on c.status = s.status
                                  and c.operation_id in (select id from operation where status = 'OPEN')
                                group by s.status""",
                        Map::of, row -> Tags.of("status", row.get("status", String.class)));
    }
}
