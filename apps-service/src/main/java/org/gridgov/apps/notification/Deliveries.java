package org.gridgov.apps.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.gridgov.apps.notification.domain.Preferences;
import org.gridgov.apps.notification.domain.Recipient;
import org.gridgov.apps.notification.persistence.DeliveryStore;
import org.gridgov.apps.notification.persistence.PreferenceStore;
import org.gridgov.kit.runtime.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Notices beyond the inbox. {@link #schedule} runs in the inbox's transaction: one delivery per recipient, event
 * and channel the recipient wants, due at once, or held until their quiet hours end (not an urgent kind's).
 * Every replica then polls ({@link #runOnce}): each due delivery is claimed by one of them (a lease), the
 * per-person rate limit checked (beyond it: the inbox only), the phone read from its owner, the message sent.
 * A failed send is tried again (1, 2 min), then left FAILED. Outcomes are counted by channel.
 */
@Component
class Deliveries extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);
    static final List<String> OUTCOMES = List.of("sent", "failed", "held", "rate-limited", "no-contact");
    private static final int MAX_ATTEMPTS = 3;
    private static final int BATCH = 20;
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(15);
    private static final int MAX_ERROR = 300;

    private final DeliveryStore store;
    private final PreferenceStore preferences;
    private final List<MessageChannel> channels;
    private final Addresses addresses;
    private final Clock clock;
    private final MeterRegistry meters;
    private final JsonMapper json;
    private final ZoneId zone;
    private final int maxPerHour;

    Deliveries(DeliveryStore store, PreferenceStore preferences, List<MessageChannel> channels, Addresses addresses,
               Clock clock, MeterRegistry meters, JsonMapper json,
               @Value("${gridgov.notifications.time-zone:Asia/Shanghai}") ZoneId zone,
               @Value("${gridgov.notifications.sms.max-per-hour:5}") int maxPerHour,
               @Value("${gridgov.notifications.poll-interval:5s}") Duration pollInterval) {
        super("sending notifications", pollInterval);
        this.store = store;
        this.preferences = preferences;
        this.channels = List.copyOf(channels);
        this.addresses = addresses;
        this.clock = clock;
        this.meters = meters;
        this.json = json;
        this.zone = zone;
        this.maxPerHour = maxPerHour;
        // from 0, so that an alert on their increase sees the first of each after a start
        this.channels.forEach(channel -> OUTCOMES.forEach(outcome -> counter(channel, outcome)));
    }

    /** One notice of an event to a recipient, as the notification centre wrote it in their inbox. */
    record Notice(Recipient recipient, String eventId, String eventType, String kind, String subject, boolean urgent,
                  Map<String, String> params, String text) {
    }

    /** Schedules the notice on each channel the recipient wants and can be reached on (in the caller's transaction). */
    Mono<Void> schedule(Notice notice) {
        List<MessageChannel> usable = channels.stream()
                .filter(channel -> channel.sends(notice.kind())
                        && addresses.reaches(channel.channel(), notice.recipient(), notice.eventType()))
                .toList();
        if (usable.isEmpty()) {
            return Mono.empty();
        }
        Instant now = now();
        return preferences.find(notice.recipient()).defaultIfEmpty(Preferences.DEFAULT)
                .flatMapMany(chosen -> Flux.fromIterable(usable)
                        .filter(channel -> chosen.channelsFor(notice.kind()).contains(channel.channel()))
                        .concatMap(channel -> {
                            Optional<Instant> heldUntil = notice.urgent() ? Optional.empty()
                                    : chosen.quietHours().flatMap(quiet -> quiet.heldUntil(now, zone));
                            return store.schedule(new DeliveryStore.NewDelivery(UUID.randomUUID(), notice.recipient(),
                                            notice.eventId(), notice.eventType(), notice.kind(), notice.subject(),
                                            channel.channel(), json.writeValueAsString(notice.params()), notice.text(),
                                            notice.urgent(), heldUntil.isPresent(), heldUntil.orElse(now), now))
                                    .doOnNext(scheduled -> {
                                        if (scheduled && heldUntil.isPresent()) {
                                            counter(channel, "held").increment();
                                        }
                                    });
                        }))
                .then();
    }

    @Override
    protected Mono<Long> runOnce() {
        if (channels.isEmpty()) {
            // nothing beyond the inbox is configured, so nothing was scheduled
            return Mono.just(0L);
        }
        Instant now = now();
        return store.claimDue(now, now.plus(LEASE), BATCH).concatMap(this::send).count();
    }

    private Mono<Void> send(DeliveryStore.Due due) {
        Optional<MessageChannel> channel = channels.stream().filter(c -> c.channel() == due.channel()).findFirst();
        if (channel.isEmpty()) {
            // configured off since it was scheduled
            return store.finish(due.id(), "FAILED", now(), Optional.of("no " + due.channel() + " channel is configured"));
        }
        Instant now = now();
        Mono<Boolean> withinLimit = due.urgent() ? Mono.just(true)
                : store.sentSince(due.recipient(), due.channel(), now.minus(Duration.ofHours(1))).map(sent -> sent < maxPerHour);
        return withinLimit.flatMap(ok -> {
            if (!ok) {
                counter(channel.get(), "rate-limited").increment();
                return store.finish(due.id(), "RATE_LIMITED", now, Optional.empty());
            }
            return addresses.of(due.channel(), due.recipient(), due.eventType(), due.subject())
                    .flatMap(to -> to.isEmpty() ? noContact(channel.get(), due, now) : channel.get()
                            .send(new MessageChannel.Message(to.get(), due.kind(), params(due), due.text(), due.subject()))
                            .timeout(SEND_TIMEOUT)
                            .then(Mono.defer(() -> {
                                counter(channel.get(), "sent").increment();
                                return store.finish(due.id(), "SENT", now(), Optional.empty());
                            })))
                    .onErrorResume(e -> failed(channel.get(), due, e));
        });
    }

    private Mono<Void> noContact(MessageChannel channel, DeliveryStore.Due due, Instant now) {
        counter(channel, "no-contact").increment();
        return store.finish(due.id(), "NO_CONTACT", now, Optional.empty());
    }

    private Mono<Void> failed(MessageChannel channel, DeliveryStore.Due due, Throwable e) {
        counter(channel, "failed").increment();
        String error = describe(e);
        // the error of a provider or an owner names no phone (the adapters see to it); the delivery id traces it
        log.warn("{} delivery {} failed (attempt {}): {}", due.channel(), due.id(), due.attempts(), error);
        if (due.attempts() >= MAX_ATTEMPTS) {
            return store.finish(due.id(), "FAILED", now(), Optional.of(error));
        }
        return store.retryAt(due.id(), now().plus(Duration.ofMinutes(1L << (due.attempts() - 1))), error);
    }

    private Map<String, String> params(DeliveryStore.Due due) {
        Map<String, String> params = new java.util.LinkedHashMap<>();
        json.readTree(due.paramsJson()).properties().forEach(entry -> params.put(entry.getKey(), entry.getValue().asString()));
        return params;
    }

    private Counter counter(MessageChannel channel, String outcome) {
        return meters.counter("gridgov.notifications.deliveries", "channel", channel.channel().name(), "outcome", outcome);
    }

    private static String describe(Throwable e) {
        String text = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
