package org.gridgov.apps.webhook;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.gridgov.apps.webhook.domain.Deliverable;
import org.gridgov.apps.webhook.persistence.WebhookStore;
import org.gridgov.contracts.Ids;
import org.gridgov.contracts.Topic;
import org.gridgov.kit.events.CloudEvent;
import org.gridgov.kit.inbox.EventHandler;
import org.gridgov.kit.jurisdiction.GridTree;
import org.gridgov.kit.privacy.Sealer;
import org.springframework.stereotype.Component;
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
        Optional<UUID> subject = Ids.parse(event.subject());
        Optional<String> scope = Deliverable.scopeOf(event.type());
        if (scope.isEmpty() || subject.isEmpty()) {
            return Mono.empty();
        }
        JsonNode data = json.readTree(event.data());
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Mono<UUID> place = named(data)
                .map(node -> store.placed(subject.get(), node).thenReturn(node))
                .orElseGet(() -> store.placeOf(subject.get()));
        return place.flatMap(tree::find)
                .flatMap(node -> store.subscribersTo(event.type(), event.time())
                        .filter(subscriber -> subscriber.scopes().contains(scope.get()))
                        .filter(subscriber -> node.isWithin(subscriber.jurisdiction()))
                        .concatMap(subscriber -> enqueue(event, data, subscriber, at))
                        .then());
    }

    private static Optional<UUID> named(JsonNode data) {
        return PLACE_FIELDS.stream()
                .map(field -> data.path(field))
                .filter(JsonNode::isString)
                .map(node -> Ids.parse(node.asString()))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private Mono<Void> enqueue(CloudEvent event, JsonNode data, WebhookStore.Subscriber subscriber, Instant at) {
        UUID id = UUID.randomUUID();
        ObjectNode body = json.createObjectNode();
        body.put("id", event.id());
        body.put("type", event.type());
        body.put("subject", event.subject());
        body.put("time", event.time().toString());
        body.set("data", data);
        String payload = json.writeValueAsString(body);
        return store.enqueue(id, subscriber.subscriptionId(), event.id(), event.type(), event.subject(),
                cipher.seal(payload, id.toString()), at);
    }
}
