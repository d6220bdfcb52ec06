package org.gridgov.committee.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridgov.committee.CommitteeIntegrationTest;
import org.gridgov.kit.test.KafkaTopicReader;
import org.gridgov.kit.test.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** 督办 with a controllable clock: a missed milestone is reminded, then escalated, each once, however many pollers run. */
@Import(TestClock.Config.class)
@TestPropertySource(properties = {"gridgov.committee.supervision.poll-interval=1h",
        "gridgov.committee.supervision.escalate-after=7d"})
class SupervisionIT extends CommitteeIntegrationTest {

    @Autowired
    TestClock clock;

    @Autowired
    MilestoneSupervision supervision;

    @Test
    void a_missed_milestone_is_reminded_to_the_unit_then_escalated_to_the_admins_once_each_and_listed_as_late() {
        clock.set(Instant.parse("2026-03-01T08:00:00Z"));
        Committee committee = committee(1, 0);
        UUID unit = committee.units().get(0);
        String admin = admin("COMMUNITY_ADMIN", committee.community());
        UUID project = handMade(committee, "老旧小区加装扶手");
        post("/api/projects/" + project + "/claim", unitToken(unit), null).expectStatus().isOk();
        post("/api/projects/" + project + "/agreement", unitToken(unit), Map.of("signatory", "赵六", "commitments", "三月底前装好",
                "milestones", List.of(Map.of("title", "扶手安装", "dueDate", "2026-03-31"),
                        Map.of("title", "验收", "dueDate", "2026-06-30")))).expectStatus().isCreated();

        clock.set(Instant.parse("2026-03-31T20:00:00Z"));
        assertThat(supervision.fireDue().block()).as("due today is not late yet").isZero();
        assertThat(get("/api/projects/supervision?community=" + committee.community(), admin)).isEmpty();

        clock.set(Instant.parse("2026-04-02T09:00:00Z"));
        List<Integer> racing = Mono.zip(supervision.fireDue(), supervision.fireDue(), supervision.fireDue())
                .map(sent -> List.of(sent.getT1(), sent.getT2(), sent.getT3())).block();
        assertThat(racing.stream().mapToInt(Integer::intValue).sum()).as("one reminder among three pollers").isEqualTo(1);
        JsonNode late = get("/api/projects/supervision?community=" + committee.community(), admin);
        assertThat(late).hasSize(1);
        assertThat(late.get(0).path("milestone").asString()).isEqualTo("扶手安装");
        assertThat(late.get(0).path("daysLate").asInt()).isEqualTo(2);
        assertThat(late.get(0).path("remindedAt").asString()).startsWith("2026-04-02T09:00");
        assertThat(late.get(0).path("escalatedAt").isNull()).isTrue();

        clock.set(Instant.parse("2026-04-05T09:00:00Z"));
        assertThat(supervision.fireDue().block()).as("not yet a week after the due date").isZero();
        clock.set(Instant.parse("2026-04-08T00:00:01Z"));
        assertThat(supervision.fireDue().block()).as("the escalation").isEqualTo(1);
        assertThat(supervision.fireDue().block()).as("escalated once").isZero();
        assertThat(get("/api/projects/supervision?community=" + committee.community(), admin).get(0)
                .path("escalatedAt").asString()).startsWith("2026-04-08");

        try (KafkaTopicReader events = new KafkaTopicReader(infrastructure().kafka().bootstrapServers(), "committee.events")) {
            List<String> levels = events.settle(record -> project.toString().equals(record.key())
                            && KafkaTopicReader.header(record, "ce_type").endsWith("milestone-overdue.v1"), Duration.ofSeconds(3))
                    .stream().map(record -> json.readTree(KafkaTopicReader.value(record)).path("level").asString()).toList();
            assertThat(levels).containsExactly("REMINDER", "ESCALATION");
        }

        post("/api/projects/" + project + "/progress", unitToken(unit), Map.of("milestone", "扶手安装", "note", "装好了",
                "percent", 50)).expectStatus().isOk();
        assertThat(get("/api/projects/supervision?community=" + committee.community(), admin))
                .as("reached milestones are no longer late").isEmpty();
        get403("/api/projects/supervision?community=" + committee.community(), admin("COMMUNITY_ADMIN", UUID.randomUUID()));
    }

    @Test
    void an_admin_cancels_a_late_project_with_a_reason_once_and_its_milestones_are_no_longer_supervised() {
        clock.set(Instant.parse("2026-03-01T08:00:00Z"));
        Committee committee = committee(1, 0);
        UUID unit = committee.units().get(0);
        String admin = admin("COMMUNITY_ADMIN", committee.community());
        String streetAdmin = admin("STREET_ADMIN", committee.place().street());
        UUID project = handMade(committee, "小区停车棚改造");
        post("/api/projects/" + project + "/claim", unitToken(unit), null).expectStatus().isOk();
        post("/api/projects/" + project + "/agreement", unitToken(unit), Map.of("signatory", "钱七", "commitments", "四月完工",
                "milestones", List.of(Map.of("title", "图纸", "dueDate", "2026-03-10")))).expectStatus().isCreated();
        clock.set(Instant.parse("2026-03-12T09:00:00Z"));
        assertThat(supervision.fireDue().block()).as("reminded").isEqualTo(1);
        assertThat(get("/api/projects/supervision?community=" + committee.community(), admin)).hasSize(1);

        String cancellation = "/api/projects/" + project + "/cancellation";
        post(cancellation, unitToken(unit), Map.of("reason", "不想做了")).expectStatus().isForbidden();
        post(cancellation, admin("COMMUNITY_ADMIN", UUID.randomUUID()), Map.of("reason", "x")).expectStatus().isNotFound();
        post(cancellation, admin, Map.of()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        post(cancellation, streetAdmin, Map.of("reason", "小区纳入旧改，项目并入街道工程"), "cancel-1").expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("CANCELLED")
                .jsonPath("$.cancelReason").isEqualTo("小区纳入旧改，项目并入街道工程");
        post(cancellation, streetAdmin, Map.of("reason", "小区纳入旧改，项目并入街道工程"), "cancel-1").expectStatus().isOk()
                .expectHeader().valueEquals("Idempotent-Replayed", "true");
        post(cancellation, admin, Map.of("reason", "再次取消")).expectStatus().isEqualTo(409);
        assertThat(get("/api/projects/" + project, unitToken(unit)).path("cancelReason").asString())
                .as("the community reads why").isEqualTo("小区纳入旧改，项目并入街道工程");

        assertThat(get("/api/projects/supervision?community=" + committee.community(), admin))
                .as("a cancelled project is not late").isEmpty();
        clock.set(Instant.parse("2026-03-20T09:00:00Z"));
        assertThat(supervision.fireDue().block()).as("no escalation for a cancelled project").isZero();
        try (KafkaTopicReader events = new KafkaTopicReader(infrastructure().kafka().bootstrapServers(), "committee.events")) {
            List<JsonNode> cancelled = events.settle(record -> project.toString().equals(record.key())
                            && KafkaTopicReader.header(record, "ce_type").equals("org.gridgov.project.cancelled.v1"),
                    Duration.ofSeconds(3)).stream().map(record -> json.readTree(KafkaTopicReader.value(record))).toList();
            assertThat(cancelled).as("one event, not one per retry").hasSize(1);
            assertThat(cancelled.get(0).path("previousStatus").asString()).isEqualTo("SIGNED");
            assertThat(cancelled.get(0).path("unitId").asString()).isEqualTo(unit.toString());
            assertThat(cancelled.get(0).toString()).doesNotContain("旧改");
            List<String> levels = events.settle(record -> project.toString().equals(record.key())
                            && KafkaTopicReader.header(record, "ce_type").endsWith("milestone-overdue.v1"), Duration.ofSeconds(1))
                    .stream().map(record -> json.readTree(KafkaTopicReader.value(record)).path("level").asString()).toList();
            assertThat(levels).containsExactly("REMINDER");
        }
    }

    private void get403(String uri, String token) {
        web.get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isForbidden();
    }
}
