package org.gridgov.apps.webhook;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.gridgov.apps.webhook.domain.Deliverable;
import org.gridgov.apps.webhook.persistence.WebhookStore;
import org.gridgov.contracts.Ids;
import org.gridgov.contracts.Topic;
import org.gridgov.kit.events.CloudEvent;
import org.gridgov.kit.inbox.EventHandler;
import org.gridgov.kit.jurisdiction.GridNode;
import org.gridgov.kit.jurisdiction.GridTree;
import org.gridgov.kit.privacy.Sealer;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns each event of the topics apps may read ({@link Deliverable}) into one delivery per subscription
 * that wants it: the app is active, subscribed to the type, granted the topic's scope, and its
 * jurisdiction covers where the event happened. Where is the grid-tree node the event names (its
 * micro-grid, grid, community or street; a grid node's own id), else the node an earlier event of the
 * same aggregate named; an event placed nowhere reaches nobody. The deliveries are queued in the
 * inbox's transaction (so an event redelivered by Kafka queues nothing twice) and sent by
 * {@link WebhookDispatcher}. Events carry no personal data, and neither do deliveries.
 */
@Component
record WebhookFanOut(WebhookStore store, GridTree tree, Sealer cipher, JsonMapper json,
                     Clock clock) implements EventHandler {

    /** The fields naming where an event happened, the most precise first. */
    private static final List<String> PLACE_FIELDS = List.of("microGridId", "gridId", "communityId", "streetId", "nodeId");

    @Override
    public String name() {
        return "webhooks";
    }

    @Override
    public Set<Topic> topics() {
        return Deliverable.topics();
    }

    @Override
    public Mono<Void> handle(CloudEvent event) {
        return handleAll(List.of(event));
    }

    /** An event some app may receive, read. */
    private record Incoming(CloudEvent event, UUID subject, String scope, JsonNode data, Optional<UUID> named) {
    }

    /**
     * A polled batch in a few statements whatever its size: the places its events name, where the others'
     * aggregates are, the subscriptions to any of its types, the deliveries.
     */
    @Override
    public Mono<Void> handleAll(List<CloudEvent> events) {
        List<Incoming> incoming = new ArrayList<>(events.size());
        for (CloudEvent event : events) {
            Optional<UUID> subject = Ids.parse(event.subject());
            Optional<String> scope = Deliverable.scopeOf(event.type());
            if (scope.isPresent() && subject.isPresent()) {
                JsonNode data = json.readTree(event.data());
                incoming.add(new Incoming(event, subject.get(), scope.get(), data, named(data)));
            }
        }
        if (incoming.isEmpty()) {
            return Mono.empty();
        }
        List<Incoming> placing = incoming.stream().filter(event -> event.named().isPresent()).toList();
        Set<UUID> unplaced = incoming.stream().filter(event -> event.named().isEmpty()).map(Incoming::subject)
                .collect(Collectors.toSet());
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return store.placed(placing.stream()
                        .map(event -> new WebhookStore.Place(event.subject(), event.named().orElseThrow())).toList())
                .then(store.subscribersToAny(incoming.stream().map(event -> event.event().type()).collect(Collectors.toSet())))
                .flatMap(subscribers -> subscribers.isEmpty() ? Mono.empty() : store.placesOf(unplaced)
                        .flatMap(places -> deliveries(incoming, subscribers, places, at))
                        .flatMap(deliveries -> store.enqueue(deliveries, at)));
    }

    private Mono<List<WebhookStore.Queued>> deliveries(List<Incoming> incoming, List<WebhookStore.Subscriber> subscribers,
                                                       Map<UUID, UUID> places, Instant at) {
        Map<UUID, Optional<GridNode>> nodes = new HashMap<>();
        return Flux.fromIterable(incoming)
                .concatMap(event -> {
                    UUID place = event.named().orElse(places.get(event.subject()));
                    if (place == null) {
                        return Flux.empty();   // placed nowhere: it reaches nobody
                    }
                    Mono<Optional<GridNode>> node = nodes.containsKey(place) ? Mono.just(nodes.get(place))
                            : tree.find(place).map(Optional::of).defaultIfEmpty(Optional.empty())
                                    .doOnNext(found -> nodes.put(place, found));
                    return node.flatMapMany(found -> Flux.fromIterable(found.map(within -> subscribers.stream()
                            .filter(subscriber -> subscriber.wants(event.event().type(), event.event().time()))
                            .filter(subscriber -> subscriber.scopes().contains(event.scope()))
                            .filter(subscriber -> within.isWithin(subscriber.jurisdiction()))
                            .map(subscriber -> queued(event, subscriber))
                            .toList()).orElse(List.of())));
                })
                .collectList();
    }

    private static Optional<UUID> named(JsonNode data) {
        return PLACE_FIELDS.stream()
                .map(field -> data.path(field))
                .filter(JsonNode::isString)
                .map(node -> Ids.parse(node.asString()))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private WebhookStore.Queued queued(Incoming incoming, WebhookStore.Subscriber subscriber) {
        CloudEvent event = incoming.event();
        UUID id = UUID.randomUUID();
        ObjectNode body = json.createObjectNode();
        body.put("id", event.id());
        body.put("type", event.type());
        body.put("subject", event.subject());
        body.put("time", event.time().toString());
        body.set("data", incoming.data());
        String payload = json.writeValueAsString(body);
        return new WebhookStore.Queued(id, subscriber.subscriptionId(), event.id(), event.type(), event.subject(),
                cipher.seal(payload, id.toString()));
    }
}
