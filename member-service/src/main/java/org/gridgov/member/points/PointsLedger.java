package org.gridgov.member.points;

import java.util.LinkedHashMap;
import java.util.Map;

import org.gridgov.contracts.EventType;
import org.gridgov.kit.outbox.Outbox;
import org.gridgov.member.points.domain.CauseKind;
import org.gridgov.member.points.domain.LedgerTransaction;
import org.gridgov.member.points.persistence.LedgerStore;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Posts ledger transactions and announces them on {@code member.events}: points awarded for a
 * credit, points redeemed for a debit. Call it inside the transaction of the change that caused
 * the movement, so the change, the entries and the event commit together.
 */
@Service
public class PointsLedger {

    private final LedgerStore ledger;
    private final Outbox outbox;

    PointsLedger(LedgerStore ledger, Outbox outbox) {
        this.ledger = ledger;
        this.outbox = outbox;
    }

    /**
     * @param details extra fields for the event (e.g. the store item of a redemption)
     * @return the member's balance after the transaction; empty when its cause had already been posted
     */
    public Mono<Long> post(LedgerTransaction transaction, Map<String, Object> details) {
        return ledger.post(transaction)
                .flatMap(balance -> outbox.append(eventType(transaction), transaction.memberId().toString(),
                        eventData(transaction, balance, details)).thenReturn(balance));
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
