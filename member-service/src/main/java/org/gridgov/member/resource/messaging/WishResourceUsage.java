package org.gridgov.member.resource.messaging;

import org.gridgov.contracts.events.WishClaimed;
import org.gridgov.contracts.events.WishReleased;
import org.gridgov.contracts.events.WishSubmitted;
import org.gridgov.kit.inbox.Delivered;
import org.gridgov.kit.inbox.EventSubscriber;
import org.gridgov.kit.inbox.TypedEventHandler;
import org.gridgov.member.resource.ResourceLists;
import org.gridgov.member.resource.persistence.ResourceListStore;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Keeps resources' remaining capacity in step with the wishes units claim and give up. */
@Component
record WishResourceUsage(ResourceLists resourceLists) implements EventSubscriber {

    @Override
    public TypedEventHandler handlers() {
        return TypedEventHandler.named("resource-usage")
                .onBatch(WishSubmitted.class, submitted -> resourceLists.rememberWishes(submitted.stream()
                        .map(Delivered::event)
                        .map(wish -> new ResourceListStore.Wish(wish.wishId(), wish.category(), wish.gridId())).toList()))
                .on(WishClaimed.class, claimed -> claimed.claimer().kind().equals("UNIT")
                        ? resourceLists.useForWish(claimed.wishId(), claimed.claimer().id(), claimed.occurredAt())
                        : Mono.empty())
                .on(WishReleased.class, released -> resourceLists.releaseWish(released.wishId()));
    }
}
