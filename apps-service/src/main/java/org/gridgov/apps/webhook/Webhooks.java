package org.gridgov.apps.webhook;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.gridgov.apps.app.ClientApps;
import org.gridgov.apps.app.domain.ClientApp;
import org.gridgov.apps.app.domain.Secrets;
import org.gridgov.apps.webhook.domain.Deliverable;
import org.gridgov.apps.webhook.domain.Subscription;
import org.gridgov.apps.webhook.persistence.WebhookStore;
import org.gridgov.kit.privacy.Sealer;
import org.gridgov.kit.security.Caller;
import org.gridgov.kit.web.ProblemException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** An app's webhook subscriptions and their delivery log, managed by the app itself or its district admin. */
@Component
public record Webhooks(ClientApps apps, WebhookStore store, Sealer cipher, WebhookProperties properties, Clock clock) {

    /** A new subscription and its signing secret, shown only here. */
    public record Created(Subscription subscription, String secret) {
    }

    public record DeliveryLog(WebhookStore.Delivery delivery, List<WebhookStore.Attempt> attempts) {
    }

    public Mono<Created> subscribe(Caller caller, UUID appId, String url, List<String> eventTypes) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return managedApp(caller, appId).flatMap(app -> {
            Subscription subscription;
            try {
                subscription = Subscription.create(UUID.randomUUID(), app.id(), url, eventTypes, Deliverable.typesFor(app.scopes()),
                        properties.allowInsecureUrls(), at);
            } catch (IllegalArgumentException e) {
                return Mono.error(ProblemException.invalid(e.getMessage()));
            }
            String secret = Secrets.newSecret("whsec_");
            return store.insert(subscription, cipher.seal(secret, subscription.id().toString()))
                    .thenReturn(new Created(subscription, secret));
        });
    }

    public Mono<List<Subscription>> subscriptions(Caller caller, UUID appId) {
        return managedApp(caller, appId).flatMap(app -> store.subscriptionsOf(app.id()).collectList());
    }

    public Mono<Void> unsubscribe(Caller caller, UUID appId, UUID subscriptionId) {
        return subscription(caller, appId, subscriptionId).flatMap(subscription -> store.delete(subscription.id()));
    }

    /** The newest deliveries of a subscription (optionally only PENDING, DELIVERED or PARKED ones), with every attempt. */
    public Mono<List<DeliveryLog>> deliveries(Caller caller, UUID appId, UUID subscriptionId, Optional<String> status) {
        if (status.filter(s -> !List.of("PENDING", "DELIVERED", "PARKED").contains(s)).isPresent()) {
            return Mono.error(ProblemException.invalid("status must be PENDING, DELIVERED or PARKED."));
        }
        return subscription(caller, appId, subscriptionId)
                .flatMap(subscription -> store.deliveries(subscription.id(), status, 100).collectList())
                .flatMap(deliveries -> store.attemptsOf(deliveries.stream().map(WebhookStore.Delivery::id).toList())
                        .collectMultimap(WebhookStore.Attempt::deliveryId)
                        .map(attempts -> deliveries.stream().map(delivery -> new DeliveryLog(delivery,
                                List.copyOf(attempts.getOrDefault(delivery.id(), List.of())))).toList()));
    }

    /** Sends a parked delivery again, with a fresh 24 hours of retries; 409 unless it is parked. */
    public Mono<Void> retry(Caller caller, UUID appId, UUID subscriptionId, UUID deliveryId) {
        return subscription(caller, appId, subscriptionId)
                .flatMap(subscription -> store.retryParked(subscription.id(), deliveryId,
                        clock.instant().truncatedTo(ChronoUnit.MICROS)))
                .flatMap(retried -> retried ? Mono.<Void>empty()
                        : Mono.error(ProblemException.conflict("Only a parked delivery of this subscription can be retried.")));
    }

    private Mono<Subscription> subscription(Caller caller, UUID appId, UUID subscriptionId) {
        return managedApp(caller, appId).flatMap(app -> store.subscription(app.id(), subscriptionId))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("webhook", subscriptionId)));
    }

    private Mono<ClientApp> managedApp(Caller caller, UUID appId) {
        return apps.find(caller, appId).flatMap(app -> app.isActive() ? Mono.just(app)
                : Mono.error(ProblemException.conflict("The app was revoked; its webhooks deliver nothing.")));
    }
}
