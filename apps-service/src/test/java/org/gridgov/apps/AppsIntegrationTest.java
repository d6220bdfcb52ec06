package org.gridgov.apps;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.gridgov.contracts.EventSchemas;
import org.gridgov.contracts.EventType;
import org.gridgov.infra.TokenRequest;
import org.gridgov.kit.events.CloudEvent;
import org.gridgov.kit.events.CloudEventKafka;
import org.gridgov.kit.test.KafkaTopicReader;
import org.gridgov.kit.test.ServiceIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of apps-service's integration tests: the whole service on real PostgreSQL and Kafka, a controllable
 * clock, grid trees and other services' events fed in as real CloudEvents (fresh ids per test), tokens for
 * every caller and a reader of apps.events.
 */
@Import(ControllableClock.Config.class)
public abstract class AppsIntegrationTest extends ServiceIntegrationTest {

    protected final JsonMapper json = JsonMapper.builder().build();
    private static KafkaProducer<String, byte[]> producer;
    private static KafkaTopicReader appsEvents;
    /** wish-service's contact read, for the text messages to residents: one for every test class (one Spring context). */
    protected static final ContactOwner CONTACTS = new ContactOwner();

    @DynamicPropertySource
    static void contactOwner(DynamicPropertyRegistry registry) {
        registry.add("gridgov.notifications.contacts.wish-service-url", CONTACTS::url);
        registry.add("gridgov.notifications.contacts.member-service-url", CONTACTS::url);
    }

    @Autowired
    protected WebTestClient web;
    @Autowired
    protected DatabaseClient db;
    @Autowired
    protected ControllableClock clock;

    @BeforeAll
    static void openProducer() {
        infrastructure().kafka().createTopics(Set.of("grid.events", "wish.events", "matching.events", "committee.events",
                "fieldwork.events", "apps.events"), 3);
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                infrastructure().kafka().bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void close() {
        producer.close();
        if (appsEvents != null) {
            appsEvents.close();
            appsEvents = null;
        }
    }

    /** A district with a street, a community, a grid and a micro-grid, once the service has taken in the tree. */
    protected record Neighbourhood(UUID district, UUID street, UUID community, UUID grid, UUID microGrid) {
    }

    protected Neighbourhood neighbourhood() {
        Neighbourhood n = new Neighbourhood(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID());
        node(n.district(), "DISTRICT", null, List.of());
        node(n.street(), "STREET", n.district(), List.of(n.district()));
        node(n.community(), "COMMUNITY", n.street(), List.of(n.district(), n.street()));
        node(n.grid(), "GRID", n.community(), List.of(n.district(), n.street(), n.community()));
        node(n.microGrid(), "MICRO_GRID", n.grid(), List.of(n.district(), n.street(), n.community(), n.grid()));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> db.sql(
                "select count(*) from kit_grid_node where id = :id or :id = any(path)").bind("id", n.district())
                .map(row -> row.get(0, Long.class)).one().block() == 5);
        return n;
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
        data.put("occurredAt", clock.instant().toString());
        publish(EventType.GRID_NODE_CREATED, data);
    }

    /** A resident's wish, as wish-service announces it (no personal data); its id. */
    protected UUID submit(Neighbourhood n) {
        return submit(n, UUID.randomUUID());
    }

    /** The wish of this id, ordered by the resident {@code resident-<id>}. */
    protected UUID submit(Neighbourhood n, UUID wish) {
        publish(EventType.WISH_SUBMITTED, submitted(n, wish));
        return wish;
    }

    /** The data of the wish's submission in the neighbourhood's micro-grid. */
    protected Map<String, Object> submitted(Neighbourhood n, UUID wish) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("wishId", wish.toString());
        data.put("actor", Map.of("id", "resident-" + wish, "role", "RESIDENT"));
        data.put("occurredAt", clock.instant().toString());
        data.put("status", "SUBMITTED");
        data.put("category", "ELDERLY_CARE");
        data.put("title", "帮独居老人买菜");
        data.put("gridId", n.grid().toString());
        data.put("microGridId", n.microGrid().toString());
        data.put("communityId", n.community().toString());
        return data;
    }

    /** Another service's event, as it would publish it, at the test clock's time; the event sent. */
    protected CloudEvent publish(EventType type, Map<String, Object> data) {
        CloudEvent event = event(type, data);
        resend(type, event);
        return event;
    }

    /** Another service's event, as it would publish it, at the test clock's time. */
    protected CloudEvent event(EventType type, Map<String, Object> data) {
        String body = json.writeValueAsString(data);
        List<String> violations = EventSchemas.validate(type, body);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("test data does not match its schema: " + violations);
        }
        CloudEvent event = new CloudEvent(UUID.randomUUID().toString(), type.type(), type.source(),
                String.valueOf(data.get(type.subjectField())), clock.instant(), Optional.empty(), body);
        return event;
    }

    /** Sends an event (again: Kafka redelivers at least once). */
    protected static void resend(EventType type, CloudEvent event) {
        try {
            producer.send(CloudEventKafka.toRecord(type.topic().topicName(), event)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected static String admin(String role, UUID node) {
        return token(TokenRequest.of(role.toLowerCase() + "-" + node, role).withJurisdiction(node.toString()));
    }

    protected WebTestClient.ResponseSpec post(String token, String path, String body, String idempotencyKey) {
        WebTestClient.RequestBodySpec request = web.post().uri(path).headers(h -> {
            h.setBearerAuth(token);
            if (idempotencyKey != null) {
                h.set("Idempotency-Key", idempotencyKey);
            }
        });
        return body == null ? request.exchange() : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    protected WebTestClient.ResponseSpec get(String token, String path) {
        return web.get().uri(path).headers(h -> h.setBearerAuth(token)).exchange();
    }

    protected JsonNode getJson(String token, String path) {
        return get(token, path).expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** The events of this type about this subject on apps.events, once there are {@code count}. */
    protected static synchronized List<ConsumerRecord<String, byte[]>> awaitEvents(String type, UUID subject, int count) {
        if (appsEvents == null) {
            appsEvents = new KafkaTopicReader(infrastructure().kafka().bootstrapServers(), "apps.events");
        }
        return appsEvents.await(record -> type.equals(KafkaTopicReader.header(record, "ce_type"))
                && subject.toString().equals(record.key()), count, Duration.ofSeconds(30));
    }
}
