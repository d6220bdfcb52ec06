package org.gridgov.wish;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.gridgov.infra.TokenRequest;
import org.gridgov.kit.test.KafkaTopicReader;
import org.gridgov.kit.test.ServiceIntegrationTest;
import org.gridgov.wish.readmodel.CommunityMembership;
import org.gridgov.wish.readmodel.HouseholdDirectory;
import org.gridgov.wish.wish.domain.ClaimerKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Base of wish-service's integration tests: the whole service on real PostgreSQL and Kafka (one
 * context shared by all of them), a controllable clock, neighbourhoods fed in as other services'
 * events, tokens for every kind of caller and a reader of wish.events.
 */
@Import(ControllableClock.Config.class)
public abstract class WishIntegrationTest extends ServiceIntegrationTest {

    protected static final String PHONE = "13812345678";

    @Autowired
    protected WebTestClient web;
    @Autowired
    protected ControllableClock clock;
    @Autowired
    private HouseholdDirectory households;
    @Autowired
    private CommunityMembership membership;

    private static KafkaTopicReader wishEvents;

    @BeforeAll
    static void topicsOfOtherServices() {
        infrastructure().kafka().createTopics(Set.of("grid.events", "member.events", "matching.events", "wish.events"), 3);
    }

    @AfterAll
    static void closeReader() {
        if (wishEvents != null) {
            wishEvents.close();
            wishEvents = null;
        }
    }

    /** A fresh neighbourhood, once the service has taken in its grid tree, households and units. */
    protected Neighbourhood neighbourhood() {
        return ready(new Neighbourhood().publish());
    }

    /** Waits for every fact of the neighbourhood: they travel on several partitions, in no order between them. */
    protected Neighbourhood ready(Neighbourhood n) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                households.locate(n.address).blockOptional().isPresent()
                        && households.locate(n.otherGridAddress).blockOptional().isPresent()
                        && serves(ClaimerKind.UNIT, n.unitElsewhere, n.otherCommunity)
                        && serves(ClaimerKind.PARTY_MEMBER, n.member, n.community)
                        && n.units().stream().allMatch(unit -> serves(ClaimerKind.UNIT, unit, n.community)));
        return n;
    }

    private boolean serves(ClaimerKind kind, UUID id, UUID community) {
        return Boolean.TRUE.equals(membership.serves(kind, id, community).block());
    }

    // --- who calls ---

    protected static String resident(String subject) {
        return token(TokenRequest.of(subject, "RESIDENT"));
    }

    protected static String staffOf(UUID node) {
        return token(TokenRequest.of("staff-" + node, "GRID_STAFF").withJurisdiction(node.toString()));
    }

    protected static String admin(String role, UUID node) {
        return token(TokenRequest.of(role.toLowerCase() + "-" + node, role).withJurisdiction(node.toString()));
    }

    protected static String unit(UUID unit) {
        return token(TokenRequest.of("unit-user-" + unit, "UNIT").withUnit(unit.toString()));
    }

    protected static String partyMember(UUID member) {
        return token(TokenRequest.of("member-" + member, "PARTY_MEMBER").withMember(member.toString()));
    }

    protected static String clientApp(String scope) {
        return token(TokenRequest.of("hotline-app", "CLIENT").withScope(scope));
    }

    // --- what they do ---

    protected static String wishBody(String address) {
        return """
                {"category":"ELDERLY_CARE","title":"帮独居老人买菜","description":"每周两次","address":"%s",
                 "contactPhone":"%s","residentName":"张三丰"}""".formatted(address, PHONE);
    }

    /** Orders a wish at the neighbourhood's first address and returns its id. */
    protected UUID submit(String token, Neighbourhood n) {
        JsonNode created = post(token, "/api/wishes", wishBody(n.address), null)
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        return UUID.fromString(created.get("id").asString());
    }

    protected WebTestClient.ResponseSpec post(String token, String path, String json, String idempotencyKey) {
        WebTestClient.RequestBodySpec request = web.post().uri(path)
                .headers(h -> {
                    h.setBearerAuth(token);
                    if (idempotencyKey != null) {
                        h.set("Idempotency-Key", idempotencyKey);
                    }
                });
        return json == null ? request.exchange() : request.contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    protected WebTestClient.ResponseSpec command(String token, UUID wish, String command, String json) {
        return post(token, "/api/wishes/" + wish + "/" + command, json, null);
    }

    protected WebTestClient.ResponseSpec get(String token, String path) {
        return web.get().uri(path).headers(h -> h.setBearerAuth(token)).exchange();
    }

    protected JsonNode getJson(String token, String path) {
        return get(token, path).expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** Takes a wish from SUBMITTED through to {@code until} the ordinary way: staff dispatch, unit A claims and fulfils. */
    protected UUID wishAt(String status, Neighbourhood n, String residentToken) {
        UUID wish = submit(residentToken, n);
        List<String> path = List.of("DISPATCHED", "CLAIMED", "FULFILLED", "CLOSED");
        for (String step : path.subList(0, path.indexOf(status) + 1)) {
            switch (step) {
                case "DISPATCHED" -> command(staffOf(n.grid), wish, "dispatch", "{\"note\":\"请认领\"}").expectStatus().isOk();
                case "CLAIMED" -> command(unit(n.unitA), wish, "claim", null).expectStatus().isOk();
                case "FULFILLED" -> command(unit(n.unitA), wish, "fulfil",
                        "{\"note\":\"送到家\",\"servedMemberIds\":[\"" + n.member + "\"]}").expectStatus().isOk();
                case "CLOSED" -> command(residentToken, wish, "close", "{\"rating\":5,\"comment\":\"谢谢\"}")
                        .expectStatus().isOk();
                default -> throw new IllegalArgumentException(step);
            }
        }
        return wish;
    }

    // --- what was announced ---

    protected static synchronized KafkaTopicReader wishEvents() {
        if (wishEvents == null) {
            wishEvents = new KafkaTopicReader(infrastructure().kafka().bootstrapServers(), "wish.events");
        }
        return wishEvents;
    }

    protected static List<ConsumerRecord<String, byte[]>> awaitEvents(String type, UUID subject, int count) {
        return wishEvents().await(record -> isEvent(record, type, subject), count, Duration.ofSeconds(30));
    }

    /** Every such event so far, after waiting a moment for stragglers: to show that nothing more came. */
    protected static List<ConsumerRecord<String, byte[]>> settledEvents(String type, UUID subject) {
        return wishEvents().settle(record -> isEvent(record, type, subject), Duration.ofSeconds(2));
    }

    /**
     * The workflow events published for a wish so far ({@code submitted}, {@code claimed} …, without
     * the SLA timers' reminders and escalations), in order, after waiting a moment for stragglers.
     */
    protected static List<String> settledTransitionEvents(UUID wish) {
        return wishEvents().settle(record -> wish.toString().equals(record.key()), Duration.ofSeconds(2)).stream()
                .map(record -> KafkaTopicReader.header(record, "ce_type"))
                .filter(type -> type.startsWith("org.gridgov.wish.") && !type.contains("reminded") && !type.contains("escalated"))
                .map(type -> type.substring("org.gridgov.wish.".length(), type.length() - ".v1".length()))
                .toList();
    }

    private static boolean isEvent(ConsumerRecord<String, byte[]> record, String type, UUID subject) {
        return type.equals(KafkaTopicReader.header(record, "ce_type")) && subject.toString().equals(record.key());
    }
}
