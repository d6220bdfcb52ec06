package org.gridgov.wish.visitneed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.gridgov.kit.events.CloudEvent;
import org.gridgov.kit.events.CloudEventKafka;
import org.gridgov.wish.Neighbourhood;
import org.gridgov.wish.WishIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A visit's finding raised as a need in fieldwork-service ({@code org.gridgov.visit.finding-raised.v1}) lands on the
 * grid's needs list under the id fieldwork-service chose, linked back to the visit, once however often it arrives.
 */
class VisitFindingNeedsIT extends WishIntegrationTest {

    private static void raised(UUID visit, UUID need, Neighbourhood n) {
        String data = """
                {"visitId":"%s","finding":1,"needId":"%s","gridId":"%s","communityId":"%s","category":"REPAIRS",
                 "title":"楼道灯不亮","householdsAffected":12,"raisedBy":"staff-li","occurredAt":"%s"}"""
                .formatted(visit, need, n.grid, n.community, Instant.now());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure().kafka().bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(CloudEventKafka.toRecord("fieldwork.events", new CloudEvent(UUID.randomUUID().toString(),
                    "org.gridgov.visit.finding-raised.v1", "fieldwork-service", visit.toString(), Instant.now(),
                    Optional.empty(), data)));
        }
    }

    @Test
    void a_finding_raised_twice_is_one_need_on_the_grids_list_linked_to_its_visit() {
        Neighbourhood n = neighbourhood();
        UUID visit = UUID.randomUUID();
        UUID need = UUID.randomUUID();
        raised(visit, need, n);
        raised(visit, need, n);

        String staff = staffOf(n.grid);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> get(staff, "/api/needs/" + need).returnResult(String.class).getStatus().value() == 200);
        JsonNode found = getJson(staff, "/api/needs/" + need);
        assertThat(found.path("title").asString()).isEqualTo("楼道灯不亮");
        assertThat(found.path("status").asString()).isEqualTo("RECORDED");
        assertThat(found.path("householdsAffected").asInt()).isEqualTo(12);
        assertThat(found.path("description").asString()).contains(visit.toString());
        awaitEvents("org.gridgov.need.recorded.v1", need, 1);
        assertThat(settledEvents("org.gridgov.need.recorded.v1", need)).as("recorded once").hasSize(1);
        get(staffOf(n.otherGrid), "/api/needs/" + need).expectStatus().isNotFound();
    }
}
