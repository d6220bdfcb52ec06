package org.gridgov.fieldwork.care;

import java.time.Instant;
import java.util.UUID;

import org.gridgov.contracts.events.WishCancelled;
import org.gridgov.contracts.events.WishClaimed;
import org.gridgov.contracts.events.WishClosed;
import org.gridgov.contracts.events.WishDispatched;
import org.gridgov.contracts.events.WishFulfilled;
import org.gridgov.contracts.events.WishInformationGiven;
import org.gridgov.contracts.events.WishInformationRequested;
import org.gridgov.contracts.events.WishRejected;
import org.gridgov.contracts.events.WishReleased;
import org.gridgov.contracts.events.WishReopened;
import org.gridgov.contracts.events.WishSubmitted;
import org.gridgov.fieldwork.care.persistence.CareStore;
import org.gridgov.kit.inbox.EventSubscriber;
import org.gridgov.kit.inbox.TypedEventHandler;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Follows the micro-wishes ordered from care recipients' yearly wishes through wish-service's workflow
 * ({@code wish.events}), so the carer sees on the recipient's page whether the wish was dispatched, claimed and done.
 * Only the wishes fieldwork-service raised change anything; the newest announcement wins.
 */
@Component
record CareWishProgress(CareStore store) implements EventSubscriber {

    @Override
    public TypedEventHandler handlers() {
        return TypedEventHandler.named("care-wishes")
                .on(WishSubmitted.class, e -> status(e.wishId(), e.status(), e.occurredAt()))
                .on(WishDispatched.class, e -> status(e.wishId(), e.status(), e.occurredAt()))
                .on(WishClaimed.class, e -> status(e.wishId(), e.status(), e.occurredAt()))
                .on(WishReleased.class, e -> status(e.wishId(), e.status(), e.occurredAt()))
                .on(WishFulfilled.class, e -> status(e.wishId(), e.status(), e.occurredAt()))
                .on(WishClosed.class, e -> status(e.wishId(), e.status(), e.occurredAt()))
                .on(WishRejected.class, e -> status(e.wishId(), e.status(), e.occurredAt()))
                .on(WishCancelled.class, e -> status(e.wishId(), e.status(), e.occurredAt()))
                .on(WishReopened.class, e -> status(e.wishId(), e.status(), e.occurredAt()))
                .on(WishInformationRequested.class, e -> status(e.wishId(), e.status(), e.occurredAt()))
                .on(WishInformationGiven.class, e -> status(e.wishId(), e.status(), e.occurredAt()));
    }

    private Mono<Void> status(UUID wishId, String status, Instant at) {
        return store.wishStatus(wishId, status, at);
    }
}
