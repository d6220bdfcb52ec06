package org.gridgov.member;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.gridgov.infra.TokenRequest;
import org.gridgov.kit.events.CloudEvent;
import org.gridgov.kit.events.CloudEventKafka;
import org.gridgov.kit.jurisdiction.GridTree;
import org.gridgov.kit.test.RealInfrastructure;
import org.gridgov.kit.test.ServiceIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the member-service's integration tests share: the running service on real PostgreSQL and
 * Kafka, a grid tree published on {@code grid.events} as the grid-service would, wish events
 * published on {@code wish.events} as the wish-service would, and tokens for every kind of caller.
 * Each test builds its own community, so tests sharing the application never see each other's data.
 */
@AutoConfigureWebTestClient(timeout = MemberServiceIntegrationTest.RESPONSE_TIMEOUT)
public abstract class MemberServiceIntegrationTest extends ServiceIntegrationTest {

    /** Machines running several builds at once answer a first request slower than WebTestClient's 5 s default. */
    static final String RESPONSE_TIMEOUT = "30s";

    protected static final UUID DISTRICT = UUID.randomUUID();
    protected static final UUID STREET = UUID.randomUUID();
    private static final JsonMapper JSON = JsonMapper.shared();
    private static final Map<TokenRequest, String> TOKENS = new ConcurrentHashMap<>();
    private static KafkaProducer<String, byte[]> producer;

    @Autowired
    protected WebTestClient web;
    @Autowired
    private GridTree tree;

    /** A community of the demo district with two grids, as the grid-tree read model knows it. */
    protected record Community(UUID id, UUID grid, UUID otherGrid) {
    }

    /** member-service's client at the tests' identity provider: residents registering as volunteers are linked there. */
    @DynamicPropertySource
    static void identityClient(DynamicPropertyRegistry registry) {
        registry.add("IDENTITY_MEMBER_CLIENT_SECRET", () -> RealInfrastructure.MEMBER_CLIENT_SECRET);
    }

    @BeforeAll
    static synchronized void publishDistrict() {
        if (producer != null) {
            return;
        }
        infrastructure().kafka().createTopics(Set.of("grid.events", "grid.events.dlt", "wish.events", "wish.events.dlt"), 3);
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure().kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        publishNode(DISTRICT, "DISTRICT", "涪陵区");
        publishNode(STREET, "STREET", "敦仁街道", DISTRICT);
    }

    /** Publishes a new community with two grids and waits until this service has applied them. */
    protected Community newCommunity() {
        Community community = new Community(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        publishNode(community.id(), "COMMUNITY", "社区-" + community.id(), DISTRICT, STREET);
        publishNode(community.grid(), "GRID", "第一网格", DISTRICT, STREET, community.id());
        publishNode(community.otherGrid(), "GRID", "第二网格", DISTRICT, STREET, community.id());
        await().atMost(Duration.ofSeconds(60))
                .until(() -> tree.find(community.otherGrid()).blockOptional().isPresent()
                        && tree.find(community.id()).blockOptional().isPresent());
        return community;
    }

    private static void publishNode(UUID id, String kind, String name, UUID... path) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("nodeId", id.toString());
        data.put("kind", kind);
        data.put("name", name);
        data.put("path", List.of(path).stream().map(UUID::toString).toList());
        if (path.length > 0) {
            data.put("parentId", path[path.length - 1].toString());
        }
        if (kind.equals("GRID")) {
            data.put("gridKind", "RESIDENTIAL");
        }
        data.put("occurredAt", Instant.now().toString());
        publish("grid.events", "org.gridgov.gridnode.created.v1", "grid-service", id, data, UUID.randomUUID());
    }

    /** Publishes a wish event as the wish-service would, with the given event id (to deliver it twice). */
    protected static void publishWishEvent(String type, UUID wishId, Map<String, Object> data, UUID eventId) {
        Map<String, Object> withWish = new LinkedHashMap<>(data);
        withWish.put("wishId", wishId.toString());
        withWish.putIfAbsent("occurredAt", Instant.now().toString());
        publish("wish.events", type, "wish-service", wishId, withWish, eventId);
    }

    /** Publishes a project event as committee-service would, with the given event id (to deliver it twice). */
    protected static void publishProjectEvent(String type, UUID projectId, Map<String, Object> data, UUID eventId) {
        Map<String, Object> withProject = new LinkedHashMap<>(data);
        withProject.put("projectId", projectId.toString());
        withProject.putIfAbsent("occurredAt", Instant.now().toString());
        publish("committee.events", type, "committee-service", projectId, withProject, eventId);
    }

    /** Publishes an event on committee.events as committee-service would, keyed by {@code subject}. */
    protected static void publishCommitteeEvent(String type, UUID subject, Map<String, Object> data, UUID eventId) {
        publish("committee.events", type, "committee-service", subject, data, eventId);
    }

    protected static void publish(String topic, String type, String source, UUID subject, Map<String, Object> data, UUID eventId) {
        try {
            producer.send(CloudEventKafka.toRecord(topic, new CloudEvent(eventId.toString(), type, source,
                    subject.toString(), Instant.now(), Optional.empty(), JSON.writeValueAsString(data)))).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + type, e);
        }
    }

    protected static String tokenFor(TokenRequest request) {
        return TOKENS.computeIfAbsent(request, ServiceIntegrationTest::token);
    }

    protected static String admin(UUID community) {
        return tokenFor(TokenRequest.of("admin-" + community, "COMMUNITY_ADMIN").withJurisdiction(community.toString()));
    }

    protected static String districtAdmin() {
        return tokenFor(TokenRequest.of("district-admin", "DISTRICT_ADMIN").withJurisdiction(DISTRICT.toString()));
    }

    protected static String gridStaff(UUID grid) {
        return tokenFor(TokenRequest.of("staff-" + grid, "GRID_STAFF").withJurisdiction(grid.toString()));
    }

    protected static String partyMember(UUID member) {
        return tokenFor(TokenRequest.of("member-" + member, "PARTY_MEMBER").withMember(member.toString()));
    }

    protected static String unit(UUID unit) {
        return tokenFor(TokenRequest.of("unit-" + unit, "UNIT").withUnit(unit.toString()));
    }

    protected static String resident() {
        return tokenFor(TokenRequest.of("resident", "RESIDENT"));
    }

    /** A state-changing call with a fresh Idempotency-Key, as a well-behaved client sends it. */
    protected WebTestClient.ResponseSpec post(String path, String token, Object body) {
        return send(web.post(), path, token, body);
    }

    protected WebTestClient.ResponseSpec put(String path, String token, Object body) {
        return send(web.put(), path, token, body);
    }

    private static WebTestClient.ResponseSpec send(WebTestClient.RequestBodyUriSpec method, String path, String token,
                                                   Object body) {
        return method.uri(path)
                .headers(headers -> {
                    headers.setBearerAuth(token);
                    headers.set("Idempotency-Key", UUID.randomUUID().toString());
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    protected WebTestClient.ResponseSpec get(String path, String token) {
        return web.get().uri(path).headers(headers -> headers.setBearerAuth(token)).exchange();
    }

    /** Registers a party member as the community's admin and returns their id. */
    protected UUID registerMember(Community community, String name, String kind) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", name, "kind", kind,
                "communityId", community.id().toString(), "gridId", community.grid().toString(), "phone", "13812345678"));
        String id = post("/api/members", admin(community.id()), body)
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        return UUID.fromString(id);
    }

    /** A member unit of the community's Grand Party Committee. */
    protected UUID joinUnit(Community community, String name) {
        String id = post("/api/units", admin(community.id()), Map.of("name", name, "kind", "ENTERPRISE",
                "communityIds", List.of(community.id().toString()),
                "contacts", List.of(Map.of("name", "王主任", "role", "党支部书记", "phone", "13900001111"))))
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        return UUID.fromString(id);
    }

    protected static List<String> ids(UUID... ids) {
        List<String> texts = new ArrayList<>();
        for (UUID id : ids) {
            texts.add(id.toString());
        }
        return texts;
    }
}
