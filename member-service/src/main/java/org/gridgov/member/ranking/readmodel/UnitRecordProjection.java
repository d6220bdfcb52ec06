package org.gridgov.member.ranking.readmodel;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.gridgov.contracts.events.Claimer;
import org.gridgov.contracts.events.WishClaimed;
import org.gridgov.contracts.events.WishClosed;
import org.gridgov.contracts.events.WishDispatched;
import org.gridgov.contracts.events.WishEscalated;
import org.gridgov.contracts.events.WishFulfilled;
import org.gridgov.contracts.events.WishReleased;
import org.gridgov.contracts.events.WishSubmitted;
import org.gridgov.kit.inbox.Delivered;
import org.gridgov.kit.inbox.EventSubscriber;
import org.gridgov.kit.inbox.TypedEventHandler;
import org.gridgov.member.ranking.persistence.UnitRecordStore;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Writes each unit's record from the wish workflow: dispatches to it, its claims, releases,
 * fulfilments (on time or late), closings with the resident's rating, and deadlines it let pass.
 * Events of one wish arrive in order (the wish id is the key), which the record relies on.
 */
@Component
record UnitRecordProjection(UnitRecordStore record) implements EventSubscriber {

    @Override
    public TypedEventHandler handlers() {
        return TypedEventHandler.named("unit-record")
                .onBatch(WishSubmitted.class, submitted -> record.rememberWishes(submitted.stream()
                        .map(Delivered::event).map(wish -> new UnitRecordStore.SubmittedWish(wish.wishId(), wish.communityId(),
                                Optional.ofNullable(wish.wantedBy()))).toList()))
                .on(WishDispatched.class, dispatched -> record.dispatched(dispatched.wishId(),
                        Optional.ofNullable(dispatched.candidateUnits()).orElse(List.of()), dispatched.occurredAt()))
                .on(WishClaimed.class, claimed -> record.claimed(claimed.wishId(), unit(claimed.claimer()), claimed.occurredAt()))
                .on(WishReleased.class, released -> record.released(released.wishId(), unit(released.claimer()),
                        released.occurredAt()))
                .on(WishFulfilled.class, fulfilled -> unit(fulfilled.claimer())
                        .map(unit -> record.fulfilled(fulfilled.wishId(), unit, fulfilled.occurredAt())).orElse(Mono.empty()))
                .on(WishClosed.class, closed -> unit(closed.claimer())
                        .map(unit -> record.closed(closed.wishId(), unit, Optional.ofNullable(closed.rating()), closed.occurredAt()))
                        .orElse(Mono.empty()))
                .on(WishEscalated.class, this::deadlinePassed);
    }

    private Mono<Void> deadlinePassed(WishEscalated escalated) {
        return switch (escalated.slaStep()) {
            case "CLAIM" -> record.claimDeadlinePassed(escalated.wishId());
            case "FULFIL" -> record.fulfilmentDeadlinePassed(escalated.wishId());
            default -> Mono.empty();
        };
    }

    /** The claiming unit; empty when a party member claimed in person. */
    private static Optional<UUID> unit(Claimer claimer) {
        return Optional.ofNullable(claimer).filter(c -> c.kind().equals("UNIT")).map(Claimer::id);
    }
}
