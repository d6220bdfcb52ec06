package org.gridgov.fieldwork;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.gridgov.contracts.EventSchemas;
import org.gridgov.contracts.EventType;
import org.gridgov.infra.TokenRequest;
import org.gridgov.kit.events.CloudEvent;
import org.gridgov.kit.events.CloudEventKafka;
import org.gridgov.kit.test.ServiceIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * fieldwork-service against real Kafka and PostgreSQL, its grid tree fed with real CloudEvents on grid.events
 * (fresh ids per test, so tests sharing the broker do not see each other's places).
 */
public abstract class FieldworkIntegrationTest extends ServiceIntegrationTest {

    protected final JsonMapper json = JsonMapper.builder().build();
    private static KafkaProducer<String, byte[]> producer;

    @Autowired
    protected WebTestClient web;

    @Autowired
    protected DatabaseClient db;

    @BeforeAll
    static void openProducer() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                infrastructure().kafka().bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void closeProducer() {
        producer.close();
    }

    /** A district, a street, a community, a grid with two micro-grids. */
    protected record Place(UUID district, UUID street, UUID community, UUID grid, UUID microGrid, UUID otherMicroGrid) {
    }

    protected Place place() {
        Place p = new Place(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID());
        node(p.district(), "DISTRICT", null, List.of());
        node(p.street(), "STREET", p.district(), List.of(p.district()));
        node(p.community(), "COMMUNITY", p.street(), List.of(p.district(), p.street()));
        node(p.grid(), "GRID", p.community(), List.of(p.district(), p.street(), p.community()));
        node(p.microGrid(), "MICRO_GRID", p.grid(), List.of(p.district(), p.street(), p.community(), p.grid()));
        node(p.otherMicroGrid(), "MICRO_GRID", p.grid(), List.of(p.district(), p.street(), p.community(), p.grid()));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> db.sql(
                "select count(*) from kit_grid_node where id = :id or :id = any(path)").bind("id", p.district())
                .map(row -> row.get(0, Long.class)).one().block() == 6);
        return p;
    }

    private void node(UUID id, String kind, UUID parent, List<UUID> path) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("nodeId", id.toString());
        data.put("kind", kind);
        data.put("name", kind.toLowerCase() + "-" + id.toString().substring(0, 8));
        if (parent != null) {
            data.put("parentId", parent.toString());
        }
        data.put("path", path.stream().map(UUID::toString).toList());
        if (kind.equals("GRID")) {
            data.put("gridKind", "RESIDENTIAL");
        }
        data.put("occurredAt", Instant.now().toString());
        publish(EventType.GRID_NODE_CREATED, data);
    }

    /** Another service's event, as it would publish it. */
    protected void publish(EventType type, Map<String, Object> data) {
        String body = json.writeValueAsString(data);
        List<String> violations = EventSchemas.validate(type, body);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("test data does not match its schema: " + violations);
        }
        CloudEvent event = new CloudEvent(UUID.randomUUID().toString(), type.type(), type.source(),
                String.valueOf(data.get(type.subjectField())), Instant.now(), Optional.empty(), body);
        try {
            producer.send(CloudEventKafka.toRecord(type.topic().topicName(), event)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A party member member-service registered as living in the community, arrived in the read model. */
    protected UUID partyMemberOf(UUID community, UUID grid) {
        UUID member = UUID.randomUUID();
        publish(EventType.MEMBER_REGISTERED, Map.of("memberId", member.toString(), "kind", "RESIDENT",
                "communityId", community.toString(), "gridId", grid.toString(), "occurredAt", Instant.now().toString()));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> db.sql(
                "select count(*) from member_place where member_id = :id").bind("id", member)
                .map(row -> row.get(0, Long.class)).one().block() == 1);
        return member;
    }

    /** A household grid-service registered in the micro-grid, arrived in the read model. */
    protected UUID household(UUID microGrid) {
        UUID household = UUID.randomUUID();
        publish(EventType.HOUSEHOLD_REGISTERED, Map.of("householdId", household.toString(), "kind", "RESIDENT",
                "microGridId", microGrid.toString(), "address", "太平街12号1单元101", "occurredAt", Instant.now().toString()));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> db.sql(
                "select count(*) from household_place where household_id = :id").bind("id", household)
                .map(row -> row.get(0, Long.class)).one().block() == 1);
        return household;
    }

    protected static String as(String role, UUID node) {
        return token(TokenRequest.of(role.toLowerCase() + "-" + node, role).withJurisdiction(node.toString()));
    }

    protected static String department(UUID department) {
        return token(TokenRequest.of("department-staff-" + department, "DEPARTMENT").withDepartment(department.toString()));
    }

    protected static String districtAdmin() {
        return token(TokenRequest.of("district-admin", "DISTRICT_ADMIN").withJurisdiction(UUID.randomUUID().toString()));
    }

    protected UUID registerDepartment(String name, List<String> categories, List<UUID> streets) {
        return UUID.fromString(body(post("/api/departments", districtAdmin(),
                Map.of("name", name, "categories", categories, "streetIds", streets)).expectStatus().isCreated())
                .path("id").asString());
    }

    protected WebTestClient.ResponseSpec post(String uri, String token, Object body) {
        return post(uri, token, body, null);
    }

    protected WebTestClient.ResponseSpec post(String uri, String token, Object body, String idempotencyKey) {
        WebTestClient.RequestBodySpec request = web.post().uri(uri).headers(h -> {
            h.setBearerAuth(token);
            if (idempotencyKey != null) {
                h.set("Idempotency-Key", idempotencyKey);
            }
        });
        return (body == null ? request : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body)).exchange();
    }

    protected JsonNode get(String uri, String token) {
        return body(web.get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk());
    }

    protected WebTestClient.ResponseSpec getting(String uri, String token) {
        return web.get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange();
    }

    /** The field a problem's first error names. */
    protected String fieldOf(WebTestClient.ResponseSpec response) {
        return body(response).path("errors").get(0).path("field").asString();
    }

    protected JsonNode body(WebTestClient.ResponseSpec response) {
        return json.readTree(response.expectBody(String.class).returnResult().getResponseBody());
    }
}
