package org.gridgov.apps.webhook.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.gridgov.kit.data.Idempotency;
import org.gridgov.kit.security.Caller;
import org.gridgov.kit.web.openapi.ProblemResponses;
import org.gridgov.apps.webhook.Webhooks;
import org.gridgov.apps.webhook.domain.Subscription;
import org.gridgov.apps.webhook.persistence.WebhookStore;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * An app's signed webhooks: subscribe to event types (delivered within the app's jurisdiction),
 * list and delete subscriptions, read the delivery log, send a parked delivery again. For the app
 * itself (its client token) or its district admin.
 */
@RestController
@RequestMapping(path = "/api/apps/{appId}/webhooks", produces = "application/json")
@Tag(name = "Webhooks", description = "Signed event deliveries to client apps, with retries and a delivery log")
record WebhookController(Webhooks webhooks, Idempotency idempotency) {

    record Subscribe(@NotBlank @Size(max = Subscription.MAX_URL) String url,
                     @NotEmpty @Size(max = 20) List<@NotBlank String> eventTypes) {
    }

    record SubscriptionView(UUID id, String url, List<String> eventTypes, Instant createdAt, String secret) {

        static SubscriptionView of(Subscription subscription, String secret) {
            return new SubscriptionView(subscription.id(), subscription.url(), subscription.eventTypes(),
                    subscription.createdAt(), secret);
        }
    }

    record AttemptView(int attempt, Instant at, Integer response, String error, int durationMs) {
    }

    record DeliveryView(UUID id, String eventId, String eventType, String subject, String status, int attempts,
                        Instant createdAt, Instant nextAttemptAt, Instant lastAttemptAt, Integer lastResponse,
                        String lastError, Instant deliveredAt, Instant parkedAt, List<AttemptView> history) {

        static DeliveryView of(Webhooks.DeliveryLog log) {
            WebhookStore.Delivery d = log.delivery();
            return new DeliveryView(d.id(), d.eventId(), d.eventType(), d.subject(), d.status(), d.attempts(),
                    d.createdAt(), d.status().equals("PENDING") ? d.nextAttemptAt().orElse(null) : null,
                    d.lastAttemptAt().orElse(null), d.lastResponse().orElse(null), d.lastError().orElse(null),
                    d.deliveredAt().orElse(null), d.parkedAt().orElse(null),
                    log.attempts().stream().map(a -> new AttemptView(a.attempt(), a.at(), a.response().orElse(null),
                            a.error().orElse(null), a.durationMs())).toList());
        }
    }

    record Items<T>(List<T> items) {
    }

    @PostMapping(consumes = "application/json")
    @Operation(operationId = "subscribeWebhook",
            summary = "Subscribes the app to event types; the response carries the signing secret, shown only here."
            + " A repeat under the same Idempotency-Key creates nothing and answers without the secret")
    Mono<ResponseEntity<SubscriptionView>> subscribe(@PathVariable UUID appId, @Valid @RequestBody Subscribe request,
                                                     @AuthenticationPrincipal Caller caller,
                                                     @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        AtomicReference<Webhooks.Created> created = new AtomicReference<>();
        String fingerprint = String.join("\u0000", "POST /api/apps/" + appId + "/webhooks", request.url(),
                String.join(" ", request.eventTypes()));
        return idempotency.once(key, caller, fingerprint, SubscriptionView.class,
                        () -> webhooks.subscribe(caller, appId, request.url(), request.eventTypes()).map(done -> {
                            created.set(done);
                            return ResponseEntity.created(URI.create("/api/apps/" + appId + "/webhooks/" + done.subscription().id()))
                                    .body(SubscriptionView.of(done.subscription(), null));
                        }))
                .map(stored -> ResponseEntity.status(stored.getStatusCode()).headers(stored.getHeaders())
                        .header("Cache-Control", "no-store")
                        .body(created.get() == null ? stored.getBody()
                                : SubscriptionView.of(created.get().subscription(), created.get().secret())));
    }

    @GetMapping
    @Operation(operationId = "listWebhooks", summary = "The app's active subscriptions (without their secrets)")
    Mono<Items<SubscriptionView>> list(@PathVariable UUID appId, @AuthenticationPrincipal Caller caller) {
        return webhooks.subscriptions(caller, appId)
                .map(found -> new Items<>(found.stream().map(s -> SubscriptionView.of(s, null)).toList()));
    }

    @DeleteMapping("/{subscriptionId}")
    @Operation(operationId = "unsubscribeWebhook",
            summary = "Ends a subscription; its pending deliveries are parked unsent")
    Mono<ResponseEntity<Void>> unsubscribe(@PathVariable UUID appId, @PathVariable UUID subscriptionId,
                                           @AuthenticationPrincipal Caller caller) {
        return webhooks.unsubscribe(caller, appId, subscriptionId).thenReturn(ResponseEntity.noContent().build());
    }

    @GetMapping("/{subscriptionId}/deliveries")
    @Operation(operationId = "listWebhookDeliveries",
            summary = "The delivery log: the newest 100 deliveries (status=PENDING|DELIVERED|PARKED), each with its attempts")
    Mono<Items<DeliveryView>> deliveries(@PathVariable UUID appId, @PathVariable UUID subscriptionId,
                                         @RequestParam Optional<String> status, @AuthenticationPrincipal Caller caller) {
        return webhooks.deliveries(caller, appId, subscriptionId, status)
                .map(logs -> new Items<>(logs.stream().map(DeliveryView::of).toList()));
    }

    @PostMapping("/{subscriptionId}/deliveries/{deliveryId}/retry")
    @Operation(operationId = "retryWebhookDelivery",
            summary = "Sends a parked delivery again (202), with a fresh 24 hours of retries; 409 unless it is parked")
    @ProblemResponses(409)
    Mono<ResponseEntity<Void>> retry(@PathVariable UUID appId, @PathVariable UUID subscriptionId,
                                     @PathVariable UUID deliveryId, @AuthenticationPrincipal Caller caller) {
        return webhooks.retry(caller, appId, subscriptionId, deliveryId).thenReturn(ResponseEntity.accepted().build());
    }
}
