package org.gridgov.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.gridgov.contracts.EventType;
import org.gridgov.grid.importing.domain.ImportDocument;
import org.gridgov.infra.TokenRequest;
import org.gridgov.kit.events.CloudEvent;
import org.gridgov.kit.events.CloudEventKafka;
import org.gridgov.kit.test.ServiceIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the grid-service integration tests share: calling the API as someone, importing and waiting. */
@TestPropertySource(properties = "gridgov.grid.import.max-document-size=3MB")
public abstract class GridServiceTestBase extends ServiceIntegrationTest {

    private static final Set<String> FINISHED = Set.of("APPLIED", "REJECTED", "FAILED");

    @Autowired
    protected WebTestClient web;

    @Autowired
    protected JsonMapper json;


    protected static String admin(String role, UUID jurisdiction) {
        return token(TokenRequest.of("admin-" + jurisdiction, role).withJurisdiction(jurisdiction.toString()));
    }

    protected static String staffOf(UUID grid) {
        return token(TokenRequest.of("staff-" + grid, "GRID_STAFF").withJurisdiction(grid.toString()));
    }

    /** POSTs the document and answers the 202 body. */
    protected JsonNode submit(ImportDocument document, String token, String idempotencyKey) {
        String body = web.post().uri("/api/grid/imports")
                .headers(h -> {
                    h.setBearerAuth(token);
                    if (idempotencyKey != null) {
                        h.set("Idempotency-Key", idempotencyKey);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json.writeValueAsString(document))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.ACCEPTED)
                .expectHeader().exists("Location")
                .expectBody(String.class).returnResult().getResponseBody();
        return json.readTree(body);
    }

    /** Imports as the given admin and returns the finished import's report. */
    protected JsonNode importAndWait(ImportDocument document, String token) {
        return awaitFinished(submit(document, token, null).get("id").asString(), token);
    }

    protected JsonNode awaitFinished(String importId, String token) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonNode report = get("/api/grid/imports/" + importId, token);
            if (FINISHED.contains(report.get("status").asString())) {
                return report;
            }
            assertThat(System.nanoTime()).as("import %s still %s", importId, report.get("status")).isLessThan(deadline);
            sleep(Duration.ofMillis(50));
        }
    }

    protected JsonNode get(String uri, String token) {
        String body = web.get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        return json.readTree(body);
    }

    /** Publishes an event of another service (member-service, say) the way it would: a CloudEvent on its topic. */
    protected void publish(EventType type, Map<String, Object> data) {
        String body = json.writeValueAsString(data);
        CloudEvent event = new CloudEvent(UUID.randomUUID().toString(), type.type(), type.source(),
                String.valueOf(data.get(type.subjectField())), Instant.now(), Optional.empty(), body);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure().kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(CloudEventKafka.toRecord(type.topic().topicName(), event)).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + type, e);
        }
    }

    protected static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
