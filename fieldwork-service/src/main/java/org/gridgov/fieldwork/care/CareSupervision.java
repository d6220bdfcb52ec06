package org.gridgov.fieldwork.care;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import org.gridgov.contracts.events.CareVisitMissed;
import org.gridgov.fieldwork.access.FieldAccess;
import org.gridgov.fieldwork.care.domain.CareRecipient;
import org.gridgov.fieldwork.care.persistence.CareStore;
import org.gridgov.kit.data.DueSupervision;
import org.gridgov.kit.outbox.Outbox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The weekly home visit's timers (每周一次入户): every replica polls, and {@code for update skip locked} gives each
 * recipient whose week passed without a visit to one of them. The first miss in a row reminds the carers, the next
 * ones escalate to the grid's chief; the recipient's next due time and the event commit together, and the timer
 * lives on the recipient's row, so it survives restarts.
 */
@Component
public class CareSupervision extends DueSupervision<CareRecipient, CareRecipient.Missed> {

    private final CareStore store;
    private final FieldAccess access;
    private final Outbox outbox;
    private final MeterRegistry meters;

    CareSupervision(CareStore store, FieldAccess access, Outbox outbox, TransactionalOperator tx, Clock clock,
                    MeterRegistry meters,
                    @Value("${gridgov.fieldwork.care.poll-interval:15m}") Duration pollInterval,
                    @Value("${gridgov.fieldwork.care.batch-size:100}") int batchSize) {
        super("care visit timers", pollInterval, batchSize, tx, clock);
        this.store = store;
        this.access = access;
        this.outbox = outbox;
        this.meters = meters;
        // from 0, so that an alert on their increase sees the first one after a start
        for (CareRecipient.Alert alert : CareRecipient.Alert.values()) {
            meters.counter("gridgov.fieldwork.care.visits.missed", "level", alert.name());
        }
    }

    @Override
    protected Flux<CareRecipient> lockDue(Instant now, int size) {
        return store.lockDue(now, size);
    }

    @Override
    protected Optional<CareRecipient.Missed> due(CareRecipient recipient, Instant now) {
        return recipient.missed(now);
    }

    /** Moves the recipient's timer on and tells of the week missed. */
    @Override
    protected Mono<Boolean> act(CareRecipient recipient, CareRecipient.Missed missed, Instant now) {
        CareRecipient r = missed.recipient();
        return store.updateTimer(r)
                .then(access.gridOf(r.microGridId()).map(Optional::of).defaultIfEmpty(Optional.empty()))
                .flatMap(grid -> outbox.append(new CareVisitMissed(r.id(), r.microGridId(), grid.orElse(null),
                        r.communityId(), CareVisitMissed.Level.valueOf(missed.alert().name()), r.carers(),
                        r.missedInARow(), missed.dueAt(), now)))
                .doOnSuccess(sent -> meters.counter("gridgov.fieldwork.care.visits.missed", "level",
                        missed.alert().name()).increment())
                .thenReturn(true);
    }
}
