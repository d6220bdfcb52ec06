package org.gridgov.apps.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.gridgov.apps.webhook.domain.WebhookSignature;
import org.gridgov.apps.webhook.persistence.WebhookStore;
import org.gridgov.kit.privacy.Sealer;
import org.gridgov.kit.runtime.PeriodicTask;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Sends the due webhook deliveries: every replica polls, and each due delivery is claimed by exactly
 * one of them ({@code for update skip locked}, then a lease), so it is sent once however many
 * replicas run. A 2xx answer delivers it; anything else (or no answer within the timeout) is retried
 * on the back-off schedule for 24 hours, then parked in the delivery log.
 */
@Component
class WebhookDispatcher extends PeriodicTask {

    static final String EVENT_ID = "GridGov-Event-Id";
    static final String EVENT_TYPE = "GridGov-Event-Type";
    static final String DELIVERY_ID = "GridGov-Delivery-Id";
    private static final int MAX_ERROR = 300;
    private static final int CONCURRENCY = 8;

    /**
     * What became of one attempt: delivered; failed and to be retried; failed for the last time and
     * parked (the app may send it again); or dropped unsent because nobody wants it any more.
     */
    static final List<String> OUTCOMES = List.of("delivered", "retrying", "parked", "dropped");

    private final WebhookStore store;
    private final Sealer cipher;
    private final WebhookProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final TransactionalOperator tx;
    private final WebClient http = WebClient.builder().build();

    WebhookDispatcher(WebhookStore store, Sealer cipher, WebhookProperties properties, Clock clock,
                      MeterRegistry meters, TransactionalOperator tx) {
        super("sending webhook deliveries", properties.pollInterval());
        this.store = store;
        this.cipher = cipher;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        this.tx = tx;
        // from 0, so that alerts on their increase see the first of each after a start
        OUTCOMES.forEach(this::outcome);
    }

    private Counter outcome(String outcome) {
        return meters.counter("gridgov.webhook.deliveries", "outcome", outcome);
    }

    @Override
    protected Mono<Integer> runOnce() {
        Instant now = now();
        return store.claimDue(now, now.plus(properties.lease()), properties.batchSize())
                .flatMap(this::send, CONCURRENCY)
                .count()
                .map(Long::intValue);
    }

    private Mono<Void> send(WebhookStore.Due due) {
        if (!due.stillWanted()) {
            return record(due, now(), Optional.empty(), Optional.of("the subscription was deleted or the app revoked"), 0, true);
        }
        String body = cipher.open(due.sealedPayload(), due.id().toString());
        String secret = cipher.open(due.sealedSecret(), due.subscriptionId().toString());
        Instant sentAt = now();
        long started = System.nanoTime();
        return http.post().uri(due.url())
                .contentType(MediaType.APPLICATION_JSON)
                .header(WebhookSignature.HEADER, WebhookSignature.sign(secret, sentAt, body))
                .header(EVENT_ID, due.eventId())
                .header(EVENT_TYPE, due.eventType())
                .header(DELIVERY_ID, due.id().toString())
                .bodyValue(body)
                .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value()))
                .timeout(properties.timeout())
                .map(status -> new Outcome(Optional.of(status), status >= 200 && status < 300
                        ? Optional.<String>empty() : Optional.of("HTTP " + status)))
                .onErrorResume(e -> Mono.just(new Outcome(Optional.empty(), Optional.of(describe(e)))))
                .flatMap(outcome -> record(due, sentAt, outcome.status(), outcome.error(),
                        (int) Duration.ofNanos(System.nanoTime() - started).toMillis(), false));
    }

    private record Outcome(Optional<Integer> status, Optional<String> error) {
    }

    private Mono<Void> record(WebhookStore.Due due, Instant at, Optional<Integer> response, Optional<String> error,
                              int durationMs, boolean giveUp) {
        WebhookStore.Attempt attempt = new WebhookStore.Attempt(due.id(), due.attempt(), at, response, error, durationMs);
        if (error.isEmpty()) {
            outcome("delivered").increment();
            return tx.transactional(store.attempted(attempt, "DELIVERED", Optional.empty()));
        }
        Optional<Instant> next = giveUp ? Optional.empty() : properties.schedule().next(due.retryFrom(), due.attempt(), at);
        outcome(giveUp ? "dropped" : next.isPresent() ? "retrying" : "parked").increment();
        return tx.transactional(store.attempted(attempt, next.isPresent() ? "PENDING" : "PARKED", next));
    }

    private static String describe(Throwable e) {
        String text = e instanceof TimeoutException ? "no answer within the timeout"
                : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
