package org.gridgov.fieldwork.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridgov.fieldwork.FieldworkIntegrationTest;
import org.gridgov.kit.test.KafkaTopicReader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A visit's finding raised as a need of the needs list in one command, on real PostgreSQL and Kafka: the event for
 * wish-service with the need's id and no household, the link on the visit, once (409 after), 404 to outsiders.
 */
class FindingNeedIT extends FieldworkIntegrationTest {

    @Test
    void a_finding_becomes_a_need_once_linked_from_the_visit_and_announced_without_the_household() {
        Place place = place();
        Place elsewhere = place();
        UUID household = household(place.microGrid());
        String staff = as("GRID_STAFF", place.grid());
        UUID visit = UUID.fromString(body(post("/api/visits", staff, Map.of("householdId", household, "kind", "ROUTINE",
                "note", "走访了解用水情况", "findings", List.of("独居老人家中水管漏水", "楼道灯不亮"))).expectStatus().isCreated())
                .path("id").asString());
        String path = "/api/visits/" + visit + "/findings/1/need";

        assertThat(fieldOf(post(path, staff, Map.of("title", "楼道照明")).expectStatus().isBadRequest())).isEqualTo("category");
        assertThat(fieldOf(post(path, staff, Map.of("category", "FIXING")).expectStatus().isBadRequest())).isEqualTo("category");
        post("/api/visits/" + visit + "/findings/2/need", staff, Map.of("category", "REPAIRS")).expectStatus().isNotFound();
        post("/api/visits/" + UUID.randomUUID() + "/findings/0/need", staff, Map.of("category", "REPAIRS"))
                .expectStatus().isNotFound();
        post(path, as("GRID_STAFF", elsewhere.grid()), Map.of("category", "REPAIRS")).expectStatus().isNotFound();

        String key = UUID.randomUUID().toString();
        JsonNode raised = body(post(path, staff, Map.of("category", "REPAIRS", "householdsAffected", 12), key)
                .expectStatus().isCreated());
        UUID need = UUID.fromString(raised.path("needId").asString());
        post(path, staff, Map.of("category", "REPAIRS", "householdsAffected", 12), key).expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true");
        post(path, as("COMMUNITY_ADMIN", place.community()), Map.of("category", "REPAIRS")).expectStatus().isEqualTo(409);

        JsonNode seen = get("/api/visits/" + visit, as("COMMUNITY_ADMIN", place.community()));
        assertThat(seen.path("needs").path("1").asString()).isEqualTo(need.toString());
        assertThat(seen.path("needs").has("0")).isFalse();
        getting("/api/visits/" + visit, as("COMMUNITY_ADMIN", elsewhere.community())).expectStatus().isNotFound();

        try (KafkaTopicReader events = new KafkaTopicReader(infrastructure().kafka().bootstrapServers(), "fieldwork.events")) {
            List<JsonNode> found = events.settle(record -> visit.toString().equals(record.key())
                            && "org.gridgov.visit.finding-raised.v1".equals(KafkaTopicReader.header(record, "ce_type")),
                    Duration.ofSeconds(3)).stream().map(record -> json.readTree(KafkaTopicReader.value(record))).toList();
            assertThat(found).singleElement().satisfies(event -> {
                assertThat(event.path("needId").asString()).isEqualTo(need.toString());
                assertThat(event.path("gridId").asString()).isEqualTo(place.grid().toString());
                assertThat(event.path("title").asString()).as("the finding, as the staff wrote it").isEqualTo("楼道灯不亮");
                assertThat(event.path("finding").asInt()).isEqualTo(1);
                assertThat(event.toString()).doesNotContain(household.toString()).doesNotContain("独居老人");
            });
        }
    }
}
