package org.gridgov.member.messaging;

import java.util.Set;

import org.gridgov.contracts.Topic;
import org.gridgov.kit.events.CloudEvent;
import org.gridgov.kit.inbox.EventHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** A consumer of {@code wish.events}: each feature that follows the wish workflow applies the events it needs. */
public abstract class WishEventHandler implements EventHandler {

    private final JsonMapper json;

    protected WishEventHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public final Set<Topic> topics() {
        return Set.of(Topic.WISH_EVENTS);
    }

    @Override
    public final Mono<Void> handle(CloudEvent event) {
        return WishEvent.read(json, event).map(this::apply).orElse(Mono.empty());
    }

    /** Applies one wish event, or ignores it with {@code Mono.empty()}. */
    protected abstract Mono<Void> apply(WishEvent event);
}
