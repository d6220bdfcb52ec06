package org.gridgov.member.points;

import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.gridgov.contracts.events.Event;
import org.gridgov.contracts.events.PointsAwarded;
import org.gridgov.contracts.events.PointsRedeemed;
import org.gridgov.kit.outbox.Outbox;
import org.gridgov.member.points.domain.CauseKind;
import org.gridgov.member.points.domain.LedgerTransaction;
import org.gridgov.member.points.persistence.LedgerStore;
import org.gridgov.member.points.persistence.ParkedCredits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Posts ledger transactions and announces them on {@code member.events}: points awarded for a
 * credit, points redeemed for a debit. Call it inside the transaction of the change that caused
 * the movement, so the change, the entries and the event commit together.
 *
 * <p>A credit for somebody who is not a party member here (a closed wish naming an id that names
 * nobody) opens no account: it is parked in {@code points_parked_credit}, counted in
 * {@code gridgov.points.parked} and logged by its cause, and no event announces it.
 */
@Service
public record PointsLedger(LedgerStore ledger, ParkedCredits parked, Outbox outbox, MeterRegistry meters) {

    private static final Logger log = LoggerFactory.getLogger(PointsLedger.class);
    private static final String PARKED = "gridgov.points.parked";

    public PointsLedger {
        // at 0 from the start, so that an alert on its increase sees the first parked credit
        for (CauseKind cause : CauseKind.values()) {
            parkedCounter(meters, cause);
        }
    }

    /**
     * @return the member's balance after the transaction; empty when its cause had already been
     *         posted, or when it credited somebody who is not a member (then it is parked)
     */
    public Mono<Long> post(LedgerTransaction transaction) {
        return post(transaction, null, null);
    }

    /** Posts the debit of a points-store redemption, which names the item and quantity in its event. */
    public Mono<Long> postRedemption(LedgerTransaction transaction, UUID itemId, int quantity) {
        return post(transaction, itemId, quantity);
    }

    private Mono<Long> post(LedgerTransaction transaction, UUID itemId, Integer quantity) {
        Mono<Boolean> toAMember = transaction.memberDelta() > 0 ? parked.isMember(transaction.memberId()) : Mono.just(true);
        return toAMember.flatMap(member -> member ? Mono.just(transaction) : park(transaction))
                .flatMap(ledger::post)
                .flatMap(balance -> outbox.append(event(transaction, balance, itemId, quantity)).thenReturn(balance));
    }

    private Mono<LedgerTransaction> park(LedgerTransaction credit) {
        return parked.park(credit)
                .doOnNext(parkedNow -> {
                    if (parkedNow) {
                        parkedCounter(meters, credit.cause().kind()).increment();
                        log.warn("a credit of {} points for {} {} named no party member: parked as {}", credit.memberDelta(),
                                credit.cause().kind(), credit.cause().id(), credit.id());
                    }
                })
                .then(Mono.empty());
    }

    private static Counter parkedCounter(MeterRegistry meters, CauseKind cause) {
        return meters.counter(PARKED, "cause", cause.name());
    }

    private static Event event(LedgerTransaction transaction, long balance, UUID itemId, Integer quantity) {
        long points = Math.abs(transaction.memberDelta());
        String cause = eventCause(transaction.cause().kind());
        return transaction.memberDelta() > 0
                ? new PointsAwarded(transaction.memberId(), points, cause, transaction.cause().id(), balance,
                        transaction.cause().reason(), transaction.occurredAt())
                : new PointsRedeemed(transaction.memberId(), points, cause, transaction.cause().id(), balance, itemId,
                        quantity, transaction.cause().reason(), transaction.occurredAt());
    }

    /** The events' names for causes, fixed by the published schemas. */
    private static String eventCause(CauseKind kind) {
        return switch (kind) {
            case WISH_CLOSED -> "WISH_CLOSED";
            case ACTIVITY -> "ACTIVITY";
            case SERVICE_RECORD -> "SERVICE_RECORDED";
            case REDEMPTION -> "STORE_ITEM";
            case EXPIRY -> "EXPIRY";
            case CORRECTION -> "ADJUSTMENT";
        };
    }
}
