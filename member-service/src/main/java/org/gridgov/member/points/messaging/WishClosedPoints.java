package org.gridgov.member.points.messaging;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import org.gridgov.contracts.events.WishClosed;
import org.gridgov.kit.inbox.EventSubscriber;
import org.gridgov.kit.inbox.TypedEventHandler;
import org.gridgov.member.points.PointsLedger;
import org.gridgov.member.points.domain.Cause;
import org.gridgov.member.points.domain.LedgerTransaction;
import org.gridgov.member.points.domain.PointsPolicy;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Awards points when a wish closes: to the party member who claimed it in person, and to the
 * members the claimer names as having served. The kit's inbox drops a redelivered event; the
 * ledger's unique cause also drops a second event about the same wish, so a wish pays out once.
 */
@Component
record WishClosedPoints(PointsLedger ledger, PointsPolicy policy) implements EventSubscriber {

    @Override
    public TypedEventHandler handlers() {
        return TypedEventHandler.named("wish-points")
                .on(WishClosed.class, this::award);
    }

    private Mono<Void> award(WishClosed closed) {
        Set<UUID> served = new LinkedHashSet<>();
        if (closed.claimer().kind().equals("PARTY_MEMBER")) {
            served.add(closed.claimer().id());
        }
        served.addAll(closed.servedMemberIds());
        return Flux.fromIterable(served)
                .concatMap(member -> ledger.post(LedgerTransaction.credit(UUID.randomUUID(), member, policy.forClosedWish(),
                        Cause.wishClosed(closed.wishId()), closed.occurredAt())))
                .then();
    }
}
