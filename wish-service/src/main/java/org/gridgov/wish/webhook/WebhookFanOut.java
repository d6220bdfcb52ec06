package org.gridgov.wish.webhook;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.gridgov.contracts.Ids;
import org.gridgov.contracts.Topic;
import org.gridgov.kit.events.CloudEvent;
import org.gridgov.kit.inbox.EventHandler;
import org.gridgov.kit.privacy.PersonalDataCipher;
import org.gridgov.wish.app.domain.AppScopes;
import org.gridgov.wish.webhook.persistence.WebhookStore;
import org.gridgov.wish.wish.domain.PersonalData;
import org.gridgov.wish.wish.persistence.WishStore;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns each event of wish.events into one delivery per subscription that wants it: the app is
 * active, subscribed to the type, and its jurisdiction covers where the event happened. The
 * deliveries are queued in the inbox's transaction (so an event redelivered by Kafka queues nothing
 * twice) and sent by {@link WebhookDispatcher}. Events carry no personal data; a delivery about a
 * wish adds the resident's, in clear only for an app granted {@value AppScopes#PERSONAL_DATA}.
 */
@Component
class WebhookFanOut implements EventHandler {

    private final WebhookStore store;
    private final WishStore wishes;
    private final PersonalDataCipher cipher;
    private final JsonMapper json;
    private final Clock clock;

    WebhookFanOut(WebhookStore store, WishStore wishes, PersonalDataCipher cipher, JsonMapper json, Clock clock) {
        this.store = store;
        this.wishes = wishes;
        this.cipher = cipher;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "webhooks";
    }

    @Override
    public Set<Topic> topics() {
        return Set.of(Topic.WISH_EVENTS);
    }

    @Override
    public Mono<Void> handle(CloudEvent event) {
        Optional<UUID> subject = Ids.parse(event.subject());
        if (!Webhooks.DELIVERABLE.contains(event.type()) || subject.isEmpty()) {
            return Mono.empty();
        }
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return store.subscribersTo(event.type()).collectList()
                .filter(subscribers -> !subscribers.isEmpty())
                .flatMap(subscribers -> store.areaOf(subject.get())
                        .flatMap(area -> Flux.fromIterable(subscribers)
                                .filter(subscriber -> area.contains(subscriber.jurisdiction()))
                                .collectList()
                                .filter(wanted -> !wanted.isEmpty())
                                .flatMap(wanted -> wishes.find(subject.get()).map(Optional::of).defaultIfEmpty(Optional.empty())
                                        .flatMap(wish -> Flux.fromIterable(wanted)
                                                .concatMap(subscriber -> enqueue(event, subscriber, wish, at))
                                                .then()))));
    }

    private Mono<Void> enqueue(CloudEvent event, WebhookStore.Subscriber subscriber, Optional<WishStore.Stored> wish,
                               Instant at) {
        UUID id = UUID.randomUUID();
        ObjectNode body = json.createObjectNode();
        body.put("id", event.id());
        body.put("type", event.type());
        body.put("subject", event.subject());
        body.put("time", event.time().toString());
        body.set("data", json.readTree(event.data()));
        wish.ifPresent(stored -> {
            boolean clear = subscriber.scopes().contains(AppScopes.PERSONAL_DATA);
            PersonalData personal = clear ? stored.wish().personalDataForGrantedApp() : stored.wish().maskedPersonalData();
            ObjectNode resident = body.putObject("resident");
            resident.put("name", personal.name().orElse(null));
            resident.put("phone", personal.phone());
            resident.put("address", personal.address());
            resident.put("masked", !clear);
        });
        String payload = json.writeValueAsString(body);
        return store.enqueue(id, subscriber.subscriptionId(), event.id(), event.type(), event.subject(),
                cipher.seal(payload, id.toString()), at);
    }
}
