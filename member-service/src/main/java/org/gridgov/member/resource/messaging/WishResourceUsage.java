package org.gridgov.member.resource.messaging;

import org.gridgov.member.messaging.WishEvent;
import org.gridgov.member.messaging.WishEventHandler;
import org.gridgov.member.resource.ResourceLists;
import org.gridgov.contracts.Category;
import org.gridgov.member.resource.persistence.ResourceListStore;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Keeps resources' remaining capacity in step with the wishes units claim and give up. */
@Component
class WishResourceUsage extends WishEventHandler {

    private final ResourceLists resourceLists;

    WishResourceUsage(ResourceLists resourceLists, JsonMapper json) {
        super(json);
        this.resourceLists = resourceLists;
    }

    @Override
    public String name() {
        return "resource-usage";
    }

    @Override
    protected Mono<Void> apply(WishEvent event) {
        return switch (event.type()) {
            case WISH_SUBMITTED -> resourceLists.rememberWish(new ResourceListStore.Wish(event.wishId(),
                    Category.valueOf(event.text("category").orElseThrow()), event.uuidField("gridId").orElseThrow()));
            case WISH_CLAIMED -> event.claimer().filter(WishEvent.Claimer::isUnit)
                    .map(unit -> resourceLists.useForWish(event.wishId(), unit.id(), event.occurredAt()))
                    .orElse(Mono.empty());
            case WISH_RELEASED -> resourceLists.releaseWish(event.wishId());
            default -> Mono.empty();
        };
    }
}
