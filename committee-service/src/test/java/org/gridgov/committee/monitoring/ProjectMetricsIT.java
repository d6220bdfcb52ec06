package org.gridgov.committee.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.gridgov.committee.CommitteeIntegrationTest;
import org.gridgov.committee.supervision.MilestoneSupervision;
import org.gridgov.kit.data.SqlGauges;
import org.gridgov.kit.test.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The gauges behind the dashboard's committee row: projects by status and overdue milestones, per community.
 * The test refreshes them itself; its own context (and database) keeps the milestones it leaves late away
 * from SupervisionIT, which counts every alert supervision sends.
 */
@Import(TestClock.Config.class)
@TestPropertySource(properties = {"gridgov.committee.supervision.poll-interval=1h",
        "gridgov.committee.supervision.escalate-after=7d", "gridgov.committee.metrics-interval=1h"})
class ProjectMetricsIT extends CommitteeIntegrationTest {

    @Autowired
    TestClock clock;

    @Autowired
    MilestoneSupervision supervision;

    @Autowired
    SqlGauges projectGauges;

    @Autowired
    MeterRegistry meters;

    @Test
    void the_gauges_count_the_communitys_projects_by_status_and_its_overdue_milestones_escalated_or_not() {
        clock.set(Instant.parse("2026-03-01T08:00:00Z"));
        Committee committee = committee(2, 0);
        UUID unit = committee.units().get(0);
        UUID late = handMade(committee, "加装扶手");
        handMade(committee, "楼道照明");
        post("/api/projects/" + late + "/claim", unitToken(unit), null).expectStatus().isOk();
        post("/api/projects/" + late + "/agreement", unitToken(unit), Map.of("signatory", "赵六", "commitments", "按期完成",
                "milestones", List.of(Map.of("title", "安装", "dueDate", "2026-03-10"),
                        Map.of("title", "验收", "dueDate", "2026-03-20")))).expectStatus().isCreated();

        clock.set(Instant.parse("2026-03-25T08:00:00Z"));
        supervision.fireDue().block();
        projectGauges.refreshNow().block();
        String community = committee.community().toString();
        assertThat(gauge("gridgov.committee.projects", community, "status", "SIGNED")).isEqualTo(1);
        assertThat(gauge("gridgov.committee.projects", community, "status", "OPEN")).isEqualTo(1);
        assertThat(gauge("gridgov.committee.milestones.overdue", community, "escalated", "false")).isEqualTo(2);

        supervision.fireDue().block();
        projectGauges.refreshNow().block();
        assertThat(gauge("gridgov.committee.milestones.overdue", community, "escalated", "true"))
                .as("the first milestone, 15 days late, escalated").isEqualTo(1);
        assertThat(gauge("gridgov.committee.milestones.overdue", community, "escalated", "false")).isEqualTo(1);
    }

    private double gauge(String name, String community, String tag, String value) {
        Gauge gauge = meters.find(name).tags("community", community, tag, value).gauge();
        assertThat(gauge).as(name + " of " + community + " " + tag + "=" + value).isNotNull();
        return gauge.value();
    }
}
