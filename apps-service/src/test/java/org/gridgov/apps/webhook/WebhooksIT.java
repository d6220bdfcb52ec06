package org.gridgov.apps.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import org.gridgov.contracts.EventType;
import org.gridgov.infra.TokenRequest;
import org.gridgov.apps.AppsIntegrationTest;
import org.gridgov.apps.app.Apps;
import org.gridgov.apps.webhook.domain.WebhookSignature;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Webhook deliveries to a real HTTP receiver on 127.0.0.1: signed, scoped by jurisdiction, retried, parked. */
class WebhooksIT extends AppsIntegrationTest {

    private static final String SUBMITTED = "org.gridgov.wish.submitted.v1";
    private static final String CLAIMED = "org.gridgov.wish.claimed.v1";
    private static final String CASE_REPORTED = "org.gridgov.case.reported.v1";

    private final Receiver receiver = new Receiver();

    @Autowired
    private WebhookDispatcher dispatcher;

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private WebhookFanOut fanOut;

    @Autowired
    private TransactionalOperator tx;

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private record Hook(Apps.Registered app, String appToken, UUID subscription, String secret) {
    }

    @Test
    void an_app_receives_signed_deliveries_of_events_in_its_jurisdiction_only() {
        Neighbourhood n = neighbourhood();
        Neighbourhood elsewhere = neighbourhood();
        Hook dashboard = subscribe(n, "wishes:read");
        Hook hotline = subscribe(n, "wishes:read wishes:personal-data");

        UUID inside = submit(n);
        submit(elsewhere);
        await().atMost(Duration.ofSeconds(60)).until(() -> receiver.received().size() >= 2);

        Map<String, Receiver.Received> byApp = receiver.received().stream().collect(Collectors.toMap(
                received -> received.header(WebhookDispatcher.DELIVERY_ID), Function.identity()));
        int signedByDashboard = 0;
        for (Receiver.Received received : byApp.values()) {
            String signature = received.header(WebhookSignature.HEADER);
            boolean fromDashboard = WebhookSignature.verify(dashboard.secret(), signature, received.body(), clock.instant(),
                    WebhookSignature.DEFAULT_TOLERANCE);
            boolean fromHotline = WebhookSignature.verify(hotline.secret(), signature, received.body(), clock.instant(),
                    WebhookSignature.DEFAULT_TOLERANCE);
            assertThat(fromDashboard ^ fromHotline).as("signed with exactly one subscription's secret").isTrue();
            signedByDashboard += fromDashboard ? 1 : 0;
            assertThat(received.header(WebhookDispatcher.EVENT_TYPE)).isEqualTo(SUBMITTED);
            assertThat(received.header("Content-Type")).startsWith("application/json");
            JsonNode body = JsonMapper.shared().readTree(received.body());
            assertThat(received.header(WebhookDispatcher.EVENT_ID)).isEqualTo(body.get("id").asString());
            assertThat(body.get("type").asString()).isEqualTo(SUBMITTED);
            assertThat(body.get("subject").asString()).isEqualTo(inside.toString());
            assertThat(body.get("data").get("wishId").asString()).isEqualTo(inside.toString());
            assertThat(body.get("data").get("gridId").asString()).isEqualTo(n.grid().toString());
            // events carry no personal data, and neither do deliveries (an app reads the wish for it)
            assertThat(body.has("resident")).isFalse();
        }
        assertThat(signedByDashboard).isEqualTo(1);

        // the other neighbourhood's wish went to nobody: one delivery each, logged as delivered
        JsonNode logged = awaitDelivery(dashboard, delivery -> delivery.get("status").asString().equals("DELIVERED"));
        assertThat(logged.get("attempts").asInt()).isEqualTo(1);
        assertThat(logged.get("eventType").asString()).isEqualTo(SUBMITTED);
        assertThat(logged.get("subject").asString()).isEqualTo(inside.toString());
        assertThat(logged.get("history").get(0).get("response").asInt()).isEqualTo(200);
        assertThat(receiver.received()).hasSize(2);
    }

    @Test
    void events_of_every_topic_the_apps_scopes_read_are_delivered_and_later_events_follow_the_first_ones_place() {
        Neighbourhood n = neighbourhood();
        Hook cases = subscribe(n, "cases:read", CASE_REPORTED);
        Hook claims = subscribe(n, "wishes:read", CLAIMED);
        String base = "/api/apps/" + claims.app().id() + "/webhooks";
        // an app may only subscribe to what its scopes read: wishes:read does not read cases
        post(claims.appToken(), base, "{\"url\":\"" + receiver.url() + "\",\"eventTypes\":[\"" + CASE_REPORTED + "\"]}", null)
                .expectStatus().isBadRequest().expectBody(String.class).value(body -> assertThat(body).contains(CASE_REPORTED));

        UUID reported = UUID.randomUUID();
        caseReported(reported, n.community(), n.microGrid());
        // the claim names no place: it reaches the app through where the wish was submitted
        UUID wish = submit(n);
        publish(EventType.WISH_CLAIMED, claimed(wish));
        // a case elsewhere reaches nobody
        caseReported(UUID.randomUUID(), neighbourhood().community(), UUID.randomUUID());

        JsonNode caseDelivery = awaitDelivery(cases, delivery -> delivery.get("status").asString().equals("DELIVERED"));
        JsonNode claimDelivery = awaitDelivery(claims, delivery -> delivery.get("status").asString().equals("DELIVERED"));
        assertThat(caseDelivery.get("eventType").asString()).isEqualTo(CASE_REPORTED);
        assertThat(caseDelivery.get("subject").asString()).isEqualTo(reported.toString());
        assertThat(claimDelivery.get("eventType").asString()).isEqualTo(CLAIMED);
        assertThat(claimDelivery.get("subject").asString()).isEqualTo(wish.toString());
        assertThat(receiver.received()).hasSize(2);
    }

    @Test
    void a_batch_of_events_queues_what_each_subscription_wants_and_later_events_follow_the_first_ones_place() {
        Neighbourhood n = neighbourhood();
        Hook submissions = subscribe(n, "wishes:read", SUBMITTED);
        Hook claims = subscribe(n, "wishes:read", CLAIMED);
        UUID wish = UUID.randomUUID();
        UUID elsewhere = UUID.randomUUID();

        // as one poll of wish.events brings them: the claims name no place, their wishes' submissions do
        fanOut.handleAll(List.of(event(EventType.WISH_SUBMITTED, submitted(n, wish)), event(EventType.WISH_CLAIMED, claimed(wish)),
                        event(EventType.WISH_SUBMITTED, submitted(neighbourhood(), elsewhere)),
                        event(EventType.WISH_CLAIMED, claimed(elsewhere))))
                .as(tx::transactional).block();

        JsonNode submission = awaitDelivery(submissions, delivery -> delivery.get("status").asString().equals("DELIVERED"));
        JsonNode claim = awaitDelivery(claims, delivery -> delivery.get("status").asString().equals("DELIVERED"));
        assertThat(submission.get("eventType").asString()).isEqualTo(SUBMITTED);
        assertThat(submission.get("subject").asString()).isEqualTo(wish.toString());
        assertThat(claim.get("eventType").asString()).isEqualTo(CLAIMED);
        assertThat(claim.get("subject").asString()).isEqualTo(wish.toString());
        assertThat(receiver.received()).hasSize(2);
    }

    @Test
    void a_failing_receiver_is_retried_after_the_back_off_and_then_delivered() {
        Neighbourhood n = neighbourhood();
        Hook hook = subscribe(n, "wishes:read");
        receiver.answer(500);

        submit(n);
        await().atMost(Duration.ofSeconds(60)).until(() -> receiver.received().size() == 1);
        JsonNode pending = awaitDelivery(hook, delivery -> delivery.get("lastResponse").asInt() == 500);
        Instant lastAttempt = Instant.parse(pending.get("lastAttemptAt").asString());

        assertThat(pending.get("status").asString()).isEqualTo("PENDING");
        assertThat(Instant.parse(pending.get("nextAttemptAt").asString())).isEqualTo(lastAttempt.plusSeconds(30));
        receiver.answer(204);
        clock.advance(Duration.ofSeconds(31));
        JsonNode delivered = awaitDelivery(hook, delivery -> delivery.get("status").asString().equals("DELIVERED"));

        assertThat(delivered.get("attempts").asInt()).isEqualTo(2);
        assertThat(delivered.get("history").get(0).get("error").asString()).isEqualTo("HTTP 500");
        assertThat(delivered.get("history").get(1).get("response").asInt()).isEqualTo(204);
        assertThat(receiver.received()).hasSize(2);
        // both attempts carry the same event, each signed afresh
        assertThat(receiver.received().get(0).body()).isEqualTo(receiver.received().get(1).body());
    }

    @Test
    void a_receiver_failing_for_24_hours_gets_the_delivery_parked_and_it_can_be_sent_again() {
        Neighbourhood n = neighbourhood();
        Hook hook = subscribe(n, "wishes:read");
        receiver.answer(503);

        submit(n);
        awaitDelivery(hook, delivery -> delivery.get("attempts").asInt() == 1 && !delivery.get("lastResponse").isNull());
        clock.advance(Duration.ofHours(25));
        JsonNode parked = awaitDelivery(hook, delivery -> delivery.get("status").asString().equals("PARKED"));

        assertThat(parked.get("attempts").asInt()).isEqualTo(2);
        assertThat(parked.get("lastResponse").asInt()).isEqualTo(503);
        assertThat(parked.get("parkedAt").isNull()).isFalse();
        assertThat(parked.get("nextAttemptAt").isNull()).isTrue();
        assertThat(deliveries(hook, "?status=PARKED").size()).isEqualTo(1);
        assertThat(deliveries(hook, "?status=DELIVERED").size()).isZero();
        String path = "/api/apps/" + hook.app().id() + "/webhooks/" + hook.subscription() + "/deliveries/"
                + parked.get("id").asString() + "/retry";
        post(hook.appToken(), path.replace(parked.get("id").asString(), UUID.randomUUID().toString()), null, null)
                .expectStatus().isEqualTo(409);

        receiver.answer(200);
        post(hook.appToken(), path, null, null).expectStatus().isAccepted();
        JsonNode delivered = awaitDelivery(hook, delivery -> delivery.get("status").asString().equals("DELIVERED"));

        assertThat(delivered.get("attempts").asInt()).isEqualTo(3);
        post(hook.appToken(), path, null, null).expectStatus().isEqualTo(409);
    }

    @Test
    void a_delivery_nobody_wants_any_more_is_dropped_not_parked() {
        Neighbourhood n = neighbourhood();
        Hook hook = subscribe(n, "wishes:read");
        receiver.answer(500);
        submit(n);
        awaitDelivery(hook, delivery -> delivery.get("lastResponse").asInt() == 500);
        double dropped = deliveries("dropped");
        double parked = deliveries("parked");

        web.delete().uri("/api/apps/" + hook.app().id() + "/webhooks/" + hook.subscription())
                .headers(h -> h.setBearerAuth(hook.appToken())).exchange().expectStatus().isNoContent();
        clock.advance(Duration.ofSeconds(31));

        await().atMost(Duration.ofSeconds(60)).until(() -> deliveries("dropped") == dropped + 1);
        // operators are alerted to parked deliveries (a receiver that keeps failing), not to this
        assertThat(deliveries("parked")).isEqualTo(parked);
        assertThat(receiver.received()).hasSize(1);
    }

    private double deliveries(String outcome) {
        return meters.get("gridgov.webhook.deliveries").tag("outcome", outcome).counter().count();
    }

    @Test
    void each_delivery_is_sent_once_however_many_rounds_claim_at_the_same_time() {
        Neighbourhood n = neighbourhood();
        Hook hook = subscribe(n, "wishes:read");
        List<UUID> wishes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            wishes.add(submit(n));
        }

        // besides the scheduled round, four more rounds at once, as four more replicas would
        Flux.range(0, 4).flatMap(round -> dispatcher.runOnce()).blockLast(Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(60)).until(() -> receiver.received().size() >= wishes.size());
        Flux.range(0, 4).flatMap(round -> dispatcher.runOnce()).blockLast(Duration.ofSeconds(30));

        assertThat(receiver.received()).hasSize(wishes.size());
        assertThat(receiver.received().stream().map(r -> r.header(WebhookDispatcher.DELIVERY_ID)).distinct()).hasSize(wishes.size());
        assertThat(deliveries(hook, "?status=DELIVERED").size()).isEqualTo(wishes.size());
    }

    @Test
    void subscriptions_are_checked_and_belong_to_the_app_and_its_admin_only() {
        Neighbourhood n = neighbourhood();
        Hook hook = subscribe(n, "wishes:read");
        String base = "/api/apps/" + hook.app().id() + "/webhooks";

        post(hook.appToken(), base, "{\"url\":\"ftp://example.org/x\",\"eventTypes\":[\"" + SUBMITTED + "\"]}", null)
                .expectStatus().isBadRequest();
        post(hook.appToken(), base, "{\"url\":\"" + receiver.url() + "\",\"eventTypes\":[\"org.gridgov.points.awarded.v1\"]}", null)
                .expectStatus().isBadRequest();
        String strangerApp = token(TokenRequest.of(UUID.randomUUID().toString(), "CLIENT").withScope("wishes:read"));
        get(strangerApp, base).expectStatus().isNotFound();
        get(admin("DISTRICT_ADMIN", UUID.randomUUID()), base).expectStatus().isNotFound();
        JsonNode listed = getJson(admin("DISTRICT_ADMIN", n.district()), base).get("items");
        assertThat(listed.size()).isEqualTo(1);
        assertThat(listed.get(0).get("secret").isNull()).isTrue();
        assertThat(listed.get(0).get("eventTypes").toString()).isEqualTo("[\"" + SUBMITTED + "\"]");

        String body = "{\"url\":\"" + receiver.url() + "\",\"eventTypes\":[\"" + SUBMITTED + "\"]}";
        JsonNode created = post(hook.appToken(), base, body, "subscribe-once").expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode repeated = post(hook.appToken(), base, body, "subscribe-once").expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(created.get("secret").asString()).startsWith("whsec_");
        assertThat(repeated.get("id").asString()).isEqualTo(created.get("id").asString());
        assertThat(repeated.get("secret").isNull()).isTrue();
        assertThat(getJson(hook.appToken(), base).get("items").size()).isEqualTo(2);
        web.delete().uri(base + "/" + created.get("id").asString()).headers(h -> h.setBearerAuth(hook.appToken())).exchange()
                .expectStatus().isNoContent();

        web.delete().uri(base + "/" + hook.subscription()).headers(h -> h.setBearerAuth(hook.appToken())).exchange()
                .expectStatus().isNoContent();
        assertThat(getJson(hook.appToken(), base).get("items").size()).isZero();
    }

    // --- helpers ---

    /** A unit claimed the wish: an event that names no place. */
    private Map<String, Object> claimed(UUID wish) {
        return Map.of("wishId", wish.toString(), "actor", Map.of("id", "unit-user", "role", "UNIT"),
                "occurredAt", clock.instant().toString(), "status", "CLAIMED",
                "claimer", Map.of("kind", "UNIT", "id", UUID.randomUUID().toString()));
    }

    /** A case found on patrol, as fieldwork-service announces it. */
    private void caseReported(UUID id, UUID community, UUID microGrid) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("caseId", id.toString());
        data.put("communityId", community.toString());
        data.put("microGridId", microGrid.toString());
        data.put("category", "REPAIRS");
        data.put("severity", "URGENT");
        data.put("householdsAffected", 12);
        data.put("shopsAffected", 0);
        data.put("source", "PATROL");
        data.put("occurredAt", clock.instant().toString());
        publish(EventType.CASE_REPORTED, data);
    }

    /** Registers an app in the neighbourhood's community and subscribes it, with its own token, to wish.submitted. */
    private Hook subscribe(Neighbourhood n, String scopes) {
        return subscribe(n, scopes, SUBMITTED);
    }

    private Hook subscribe(Neighbourhood n, String scopes, String eventType) {
        Apps.Registered app = Apps.register(web, admin("DISTRICT_ADMIN", n.district()), n.community(), scopes);
        String appToken = token(TokenRequest.of(app.id().toString(), "CLIENT").withScope(scopes)
                .withJurisdiction(n.community().toString()));
        JsonNode created = post(appToken, "/api/apps/" + app.id() + "/webhooks",
                "{\"url\":\"" + receiver.url() + "\",\"eventTypes\":[\"" + eventType + "\"]}", null)
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(created.get("secret").asString()).startsWith("whsec_");
        return new Hook(app, appToken, UUID.fromString(created.get("id").asString()), created.get("secret").asString());
    }

    private JsonNode deliveries(Hook hook, String query) {
        return getJson(hook.appToken(), "/api/apps/" + hook.app().id() + "/webhooks/" + hook.subscription()
                + "/deliveries" + query).get("items");
    }

    private JsonNode awaitDelivery(Hook hook, Predicate<JsonNode> condition) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode items = deliveries(hook, "");
            if (items.size() == 1 && condition.test(items.get(0))) {
                found[0] = items.get(0);
                return true;
            }
            return false;
        });
        return found[0];
    }
}
