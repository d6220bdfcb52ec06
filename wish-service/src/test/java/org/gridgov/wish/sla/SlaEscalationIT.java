package org.gridgov.wish.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.gridgov.kit.test.KafkaTopicReader;
import org.gridgov.wish.Neighbourhood;
import org.gridgov.wish.WishIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SLA timers against a controllable clock: a reminder before a deadline, escalation on breach from
 * the grid to the community to the street, per-category deadlines, each timer firing once however
 * many replicas poll, and timers that wait in the database while nobody polls.
 */
class SlaEscalationIT extends WishIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private SlaTimers timers;

    private UUID order(String token, Neighbourhood n, String category) {
        String body = wishBody(n.address).replace("ELDERLY_CARE", category);
        JsonNode created = post(token, "/api/wishes", body, null).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        return UUID.fromString(created.get("id").asString());
    }

    private static List<String> levels(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(record -> JSON.readTree(KafkaTopicReader.value(record)).get("level").asString()).toList();
    }

    @Test
    void a_wish_left_undispatched_is_reminded_then_escalated_to_the_community_then_to_the_street() {
        Neighbourhood n = neighbourhood();
        String resident = resident("r-sla");
        UUID wish = order(resident, n, "OTHER");
        Instant due = Instant.parse(getJson(resident, "/api/wishes/" + wish).get("sla").get("dueAt").asString());
        assertThat(Duration.between(clock.instant(), due)).isBetween(Duration.ofHours(23), Duration.ofHours(24));

        clock.advance(Duration.ofHours(20));
        JsonNode reminded = JSON.readTree(KafkaTopicReader.value(awaitEvents("org.gridgov.wish.reminded.v1", wish, 1).get(0)));
        assertThat(reminded.get("slaStep").asString()).isEqualTo("DISPATCH");
        assertThat(reminded.get("level").asString()).isEqualTo("GRID");
        assertThat(reminded.get("gridId").asString()).isEqualTo(n.grid.toString());
        assertThat(reminded.get("actor").get("role").asString()).isEqualTo("SYSTEM");
        assertThat(getJson(resident, "/api/wishes/" + wish).get("sla").get("escalated").asBoolean()).isFalse();

        clock.advance(Duration.ofHours(5));
        awaitEvents("org.gridgov.wish.escalated.v1", wish, 1);
        JsonNode sla = getJson(resident, "/api/wishes/" + wish).get("sla");
        assertThat(sla.get("level").asString()).isEqualTo("COMMUNITY");
        assertThat(sla.get("escalated").asBoolean()).isTrue();
        assertThat(sla.get("missedDeadline").asBoolean()).isTrue();

        clock.advance(Duration.ofDays(2));
        awaitEvents("org.gridgov.wish.escalated.v1", wish, 2);
        clock.advance(Duration.ofDays(10));
        assertThat(levels(settledEvents("org.gridgov.wish.escalated.v1", wish))).as("nobody above the street")
                .containsExactly("COMMUNITY", "STREET");
        assertThat(getJson(resident, "/api/wishes/" + wish).get("status").asString()).isEqualTo("SUBMITTED");

        JsonNode history = getJson(resident, "/api/wishes/" + wish + "/history").get("items");
        assertThat(history.valueStream().map(e -> e.get("action").asString() + ":" + e.path("level").asString("")))
                .startsWith("SUBMITTED:", "REMINDED:GRID", "ESCALATED:COMMUNITY").contains("ESCALATED:STREET");
        assertThat(history.get(2).get("actor").get("role").asString()).isEqualTo("SYSTEM");
    }

    @Test
    void a_safety_wish_escalates_after_two_hours_while_an_ordinary_one_waits_a_day() {
        Neighbourhood n = neighbourhood();
        String resident = resident("r-sla-category");
        UUID safety = order(resident, n, "SAFETY");
        UUID ordinary = order(resident, n, "OTHER");

        clock.advance(Duration.ofHours(2).plusMinutes(1));

        JsonNode escalated = JSON.readTree(KafkaTopicReader.value(awaitEvents("org.gridgov.wish.escalated.v1", safety, 1).get(0)));
        assertThat(escalated.get("level").asString()).isEqualTo("COMMUNITY");
        assertThat(settledEvents("org.gridgov.wish.escalated.v1", ordinary)).isEmpty();
    }

    @Test
    void once_escalated_to_the_community_the_community_admin_may_dispatch_and_the_claim_deadline_starts() {
        Neighbourhood n = neighbourhood();
        String resident = resident("r-sla-admin");
        UUID wish = order(resident, n, "OTHER");
        String admin = admin("COMMUNITY_ADMIN", n.community);
        command(admin, wish, "dispatch", "{}").expectStatus().isForbidden();

        clock.advance(Duration.ofHours(25));
        awaitEvents("org.gridgov.wish.escalated.v1", wish, 1);

        command(admin("COMMUNITY_ADMIN", n.otherCommunity), wish, "dispatch", "{}").expectStatus().isNotFound();
        command(admin, wish, "dispatch", "{\"note\":\"社区直接派单\"}").expectStatus().isOk();
        JsonNode sla = getJson(resident, "/api/wishes/" + wish).get("sla");
        assertThat(sla.get("step").asString()).isEqualTo("CLAIM");
        assertThat(sla.get("level").asString()).as("the level never drops").isEqualTo("COMMUNITY");
        assertThat(Duration.between(clock.instant(), Instant.parse(sla.get("dueAt").asString())))
                .isBetween(Duration.ofDays(7).minusMinutes(1), Duration.ofDays(7));
    }

    @Test
    void each_due_timer_fires_once_however_many_replicas_poll_at_the_same_time() throws Exception {
        Neighbourhood n = neighbourhood();
        String resident = resident("r-sla-replicas");
        List<UUID> wishes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            wishes.add(order(resident, n, "OTHER"));
        }
        clock.advance(Duration.ofHours(25));

        ExecutorService replicas = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> polls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                polls.add(replicas.submit(() -> timers.fireDue().block()));
            }
            for (Future<Integer> poll : polls) {
                poll.get();
            }
        } finally {
            replicas.shutdownNow();
        }

        Set<String> ours = wishes.stream().map(UUID::toString).collect(Collectors.toSet());
        Predicate<ConsumerRecord<String, byte[]>> ourEscalations = record -> ours.contains(record.key())
                && "org.gridgov.wish.escalated.v1".equals(KafkaTopicReader.header(record, "ce_type"));
        wishEvents().await(ourEscalations, wishes.size(), Duration.ofSeconds(30));
        Map<String, Long> escalations = wishEvents().settle(ourEscalations, Duration.ofSeconds(2)).stream()
                .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
        assertThat(escalations).hasSize(wishes.size()).allSatisfy((wish, count) -> assertThat(count).isEqualTo(1));
        for (UUID wish : wishes) {
            assertThat(getJson(resident, "/api/wishes/" + wish + "/history").get("items").valueStream()
                    .filter(e -> e.get("action").asString().equals("ESCALATED"))).hasSize(1);
        }
    }

    @Test
    void timers_wait_in_the_database_while_no_replica_polls_and_fire_when_one_is_back() {
        Neighbourhood n = neighbourhood();
        String resident = resident("r-sla-restart");
        UUID wish = order(resident, n, "OTHER");
        timers.stop();
        try {
            clock.advance(Duration.ofHours(25));
            assertThat(settledEvents("org.gridgov.wish.escalated.v1", wish)).isEmpty();
        } finally {
            timers.start();
        }
        awaitEvents("org.gridgov.wish.escalated.v1", wish, 1);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                getJson(resident, "/api/wishes/" + wish).get("sla").get("level").asString().equals("COMMUNITY"));
    }
}
