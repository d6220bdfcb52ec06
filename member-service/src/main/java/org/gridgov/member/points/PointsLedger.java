package org.gridgov.member.points;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.gridgov.contracts.EventType;
import org.gridgov.kit.outbox.Outbox;
import org.gridgov.member.points.domain.CauseKind;
import org.gridgov.member.points.domain.LedgerTransaction;
import org.gridgov.member.points.persistence.LedgerRepository;
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
public class PointsLedger {

    private static final Logger log = LoggerFactory.getLogger(PointsLedger.class);
    private static final String PARKED = "gridgov.points.parked";

    private final LedgerRepository ledger;
    private final ParkedCredits parked;
    private final Outbox outbox;
    private final MeterRegistry meters;

    PointsLedger(LedgerRepository ledger, ParkedCredits parked, Outbox outbox, MeterRegistry meters) {
        this.ledger = ledger;
        this.parked = parked;
        this.outbox = outbox;
        this.meters = meters;
        // at 0 from the start, so that an alert on its increase sees the first parked credit
        for (CauseKind cause : CauseKind.values()) {
            parkedCounter(cause);
        }
    }

    /**
     * @param details extra fields for the event (e.g. the store item of a redemption)
     * @return the member's balance after the transaction; empty when its cause had already been
     *         posted, or when it credited somebody who is not a member (then it is parked)
     */
    public Mono<Long> post(LedgerTransaction transaction, Map<String, Object> details) {
        Mono<Boolean> toAMember = transaction.memberDelta() > 0 ? parked.isMember(transaction.memberId()) : Mono.just(true);
        return toAMember.flatMap(member -> member ? Mono.just(transaction) : park(transaction))
                .flatMap(ledger::post)
                .flatMap(balance -> outbox.append(eventType(transaction), transaction.memberId().toString(),
                        eventData(transaction, balance, details)).thenReturn(balance));
    }

    private Mono<LedgerTransaction> park(LedgerTransaction credit) {
        return parked.park(credit)
                .doOnNext(parkedNow -> {
                    if (parkedNow) {
                        parkedCounter(credit.cause().kind()).increment();
                        log.warn("a credit of {} points for {} {} named no party member: parked as {}", credit.memberDelta(),
                                credit.cause().kind(), credit.cause().id(), credit.id());
                    }
                })
                .then(Mono.empty());
    }

    private Counter parkedCounter(CauseKind cause) {
        return meters.counter(PARKED, "cause", cause.name());
    }

    public Mono<Long> post(LedgerTransaction transaction) {
        return post(transaction, Map.of());
    }

    private static EventType eventType(LedgerTransaction transaction) {
        return transaction.memberDelta() > 0 ? EventType.POINTS_AWARDED : EventType.POINTS_REDEEMED;
    }

    private static Map<String, Object> eventData(LedgerTransaction transaction, long balance, Map<String, Object> details) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("memberId", transaction.memberId().toString());
        data.put("points", Math.abs(transaction.memberDelta()));
        data.put("cause", eventCause(transaction.cause().kind()));
        data.put("causeId", transaction.cause().id().toString());
        data.put("balanceAfter", balance);
        if (transaction.cause().reason() != null) {
            data.put("reason", transaction.cause().reason());
        }
        data.putAll(details);
        data.put("occurredAt", transaction.occurredAt().toString());
        return data;
    }

    /** The events' names for causes, fixed by the published schemas. */
    private static String eventCause(CauseKind kind) {
        return switch (kind) {
            case WISH_CLOSED -> "WISH_CLOSED";
            case SERVICE_RECORD -> "SERVICE_RECORDED";
            case REDEMPTION -> "STORE_ITEM";
            case EXPIRY -> "EXPIRY";
            case CORRECTION -> "ADJUSTMENT";
        };
    }
}
