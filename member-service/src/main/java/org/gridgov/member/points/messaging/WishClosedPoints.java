package org.gridgov.member.points.messaging;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import org.gridgov.contracts.EventType;
import org.gridgov.member.messaging.WishEvent;
import org.gridgov.member.messaging.WishEventHandler;
import org.gridgov.member.points.PointsLedger;
import org.gridgov.member.points.domain.Cause;
import org.gridgov.member.points.domain.LedgerTransaction;
import org.gridgov.member.points.domain.PointsPolicy;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Awards points when a wish closes: to the party member who claimed it in person, and to the
 * members the claimer names as having served. The kit's inbox drops a redelivered event; the
 * ledger's unique cause also drops a second event about the same wish, so a wish pays out once.
 */
@Component
class WishClosedPoints extends WishEventHandler {

    private final PointsLedger ledger;
    private final PointsPolicy policy;

    WishClosedPoints(PointsLedger ledger, PointsPolicy policy, JsonMapper json) {
        super(json);
        this.ledger = ledger;
        this.policy = policy;
    }

    @Override
    public String name() {
        return "wish-points";
    }

    @Override
    protected Mono<Void> apply(WishEvent event) {
        if (event.type() != EventType.WISH_CLOSED) {
            return Mono.empty();
        }
        Set<UUID> served = new LinkedHashSet<>();
        event.claimer().filter(WishEvent.Claimer::isPartyMember).ifPresent(claimer -> served.add(claimer.id()));
        served.addAll(event.uuids("servedMemberIds"));
        Instant at = event.occurredAt();
        return Flux.fromIterable(served)
                .concatMap(member -> ledger.post(LedgerTransaction.credit(UUID.randomUUID(), member, policy.forClosedWish(),
                        Cause.wishClosed(event.wishId()), at)))
                .then();
    }
}
