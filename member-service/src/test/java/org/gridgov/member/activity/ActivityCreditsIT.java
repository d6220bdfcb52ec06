package org.gridgov.member.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridgov.kit.test.KafkaTopicReader;
import org.gridgov.member.MemberServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/** Hours and points for joint activities, from committee.events: each participant once, however often the completion comes. */
class ActivityCreditsIT extends MemberServiceIntegrationTest {

    @Autowired
    DatabaseClient db;

    @Test
    void a_completed_activity_delivered_twice_and_repeated_credits_hours_and_points_once() {
        Community community = newCommunity();
        UUID first = registerMember(community, "银龄先锋", "RETIRED");
        UUID second = registerMember(community, "青年党员", "IN_SERVICE");
        UUID activity = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        Map<String, Object> completed = completed(activity, community.id(), List.of(first, second));

        publishCommitteeEvent("org.gridgov.activity.completed.v1", activity, completed, eventId);
        publishCommitteeEvent("org.gridgov.activity.completed.v1", activity, completed, eventId);
        // committee-service republishing after a crash would send a new event id for the same completion
        publishCommitteeEvent("org.gridgov.activity.completed.v1", activity, completed, UUID.randomUUID());

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(balance(first)).isEqualTo(15);
            assertThat(balance(second)).isEqualTo(15);
        });
        try (KafkaTopicReader reader = new KafkaTopicReader(infrastructure().kafka().bootstrapServers(), "member.events")) {
            assertThat(reader.settle(record -> first.toString().equals(record.key())
                    && "org.gridgov.points.awarded.v1".equals(KafkaTopicReader.header(record, "ce_type")), Duration.ofSeconds(3)))
                    .singleElement()
                    .satisfies(record -> assertThat(KafkaTopicReader.value(record))
                            .contains("\"cause\":\"ACTIVITY\"", "\"causeId\":\"" + activity + "\"", "\"balanceAfter\":15"));
        }
        assertThat(balance(first)).as("after every delivery was handled").isEqualTo(15);
        assertThat(hours(first)).isEqualByComparingTo("2.5");
        get("/api/points/accounts/" + first, partyMember(first)).expectBody()
                .jsonPath("$.entries.items.length()").isEqualTo(1)
                .jsonPath("$.entries.items[0].cause").isEqualTo("ACTIVITY")
                .jsonPath("$.entries.items[0].causeId").isEqualTo(activity.toString());
    }

    private static Map<String, Object> completed(UUID activity, UUID community, List<UUID> people) {
        return Map.of("activityId", activity.toString(), "communityId", community.toString(), "title", "银龄先锋义诊",
                "hours", 2.5, "points", 15, "occurredAt", "2026-05-02T10:00:00Z",
                "participants", people.stream().map(id -> Map.of("kind", "PARTY_MEMBER", "personId", id.toString())).toList());
    }

    private BigDecimal hours(UUID person) {
        return db.sql("select coalesce(sum(hours), 0) from activity_hours where person_id = :id").bind("id", person)
                .map(row -> row.get(0, BigDecimal.class)).one().block();
    }

    private long balance(UUID member) {
        Map<?, ?> account = get("/api/points/accounts/" + member, partyMember(member)).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return ((Number) account.get("balance")).longValue();
    }
}
