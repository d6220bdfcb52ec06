package org.gridgov.member.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridgov.kit.test.KafkaTopicReader;
import org.gridgov.member.MemberServiceIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Hours of an emergency operation (战时攻坚) from fieldwork.events: each member who arrived gets one approved service
 * record with its points, however often the close is delivered; a member unknown here gets nothing.
 */
class OperationHoursIT extends MemberServiceIntegrationTest {

    private static void publishClosed(UUID operation, Map<String, Object> data, UUID eventId) {
        publish("fieldwork.events", "org.gridgov.operation.closed.v1", "fieldwork-service", operation, data, eventId);
    }

    @Test
    void an_operation_closed_twice_over_credits_each_arrived_member_their_hours_once() {
        Community community = newCommunity();
        UUID member = registerMember(community, "防汛突击队员", "IN_SERVICE");
        UUID stranger = UUID.randomUUID();
        UUID operation = UUID.randomUUID();
        Map<String, Object> closed = Map.of("operationId", operation.toString(), "scopeNodeId", community.id().toString(),
                "kind", "FLOOD", "title", "汛期防汛", "credits", List.of(Map.of("memberId", member.toString(), "hours", 6.5),
                        Map.of("memberId", stranger.toString(), "hours", 3)),
                "closedBy", "community-admin-1", "occurredAt", "2026-07-12T15:40:00Z");
        UUID eventId = UUID.randomUUID();
        publishClosed(operation, closed, eventId);
        publishClosed(operation, closed, eventId);
        // fieldwork-service republishing after a crash sends the same close under a new event id
        publishClosed(operation, closed, UUID.randomUUID());

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> get("/api/members/" + member + "/service-records",
                partyMember(member)).expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].hours").isEqualTo(6.5)
                .jsonPath("$.items[0].status").isEqualTo("APPROVED")
                .jsonPath("$.items[0].activity").isEqualTo("战时攻坚：汛期防汛"));
        try (KafkaTopicReader reader = new KafkaTopicReader(infrastructure().kafka().bootstrapServers(), "member.events")) {
            assertThat(reader.settle(record -> member.toString().equals(record.key())
                    && "org.gridgov.service.recorded.v1".equals(KafkaTopicReader.header(record, "ce_type")), Duration.ofSeconds(3)))
                    .singleElement()
                    .satisfies(record -> assertThat(KafkaTopicReader.value(record)).contains("\"hours\":6.5"));
            assertThat(reader.settle(record -> stranger.toString().equals(record.key()), Duration.ofSeconds(1))).isEmpty();
        }
        get("/api/points/accounts/" + member, partyMember(member)).expectStatus().isOk().expectBody()
                .jsonPath("$.balance").isEqualTo(65)
                .jsonPath("$.entries.items.length()").isEqualTo(1)
                .jsonPath("$.entries.items[0].cause").isEqualTo("SERVICE_RECORD");
    }
}
