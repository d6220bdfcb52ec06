package org.gridgov.fieldwork.patrol;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.gridgov.contracts.events.PatrolMissed;
import org.gridgov.fieldwork.patrol.domain.PatrolPlan;
import org.gridgov.fieldwork.patrol.persistence.PatrolPlanStore;
import org.gridgov.kit.data.DueBatches;
import org.gridgov.kit.outbox.Outbox;
import org.gridgov.kit.runtime.PeriodicTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The patrol plans' timers: every replica polls, and {@code for update skip locked} gives each plan whose patrol fell
 * due without one to one of them, which records the missed patrol, moves the plan on a period and announces it
 * ({@code org.gridgov.patrol.missed.v1}) in one transaction — so a miss is recorded and told once. A plan many periods
 * behind (the service was down) records each missed period, one per batch round.
 */
@Component
public class PatrolPlanSupervision extends PeriodicTask {

    private final PatrolPlanStore plans;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final MeterRegistry meters;
    private final int batchSize;

    PatrolPlanSupervision(PatrolPlanStore plans, Outbox outbox, TransactionalOperator tx, Clock clock, MeterRegistry meters,
                          @Value("${gridgov.fieldwork.patrol.poll-interval:15m}") Duration pollInterval,
                          @Value("${gridgov.fieldwork.patrol.batch-size:100}") int batchSize) {
        super("patrol plan timers", pollInterval, pollInterval, null);
        this.plans = plans;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
        this.meters = meters;
        this.batchSize = batchSize;
        // from 0, so that an alert on its increase sees the first one after a start
        meters.counter("gridgov.fieldwork.patrols.missed");
    }

    /** Records every patrol missed by now, a batch per transaction; emits how many were recorded. */
    public Mono<Integer> fireDue() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return DueBatches.drain(batchSize, tx, size -> plans.lockDue(now, size),
                plan -> Mono.justOrEmpty(plan.missed(now)).flatMap(missed -> record(missed, now)));
    }

    private Mono<Boolean> record(PatrolPlan.Missed missed, Instant now) {
        PatrolPlan next = missed.plan();
        return plans.missed(missed, now)
                .then(outbox.append(new PatrolMissed(next.id(), next.gridId(), next.communityId(), missed.dueAt(),
                        next.dueAt(), next.missedInARow(), now)))
                .doOnSuccess(sent -> meters.counter("gridgov.fieldwork.patrols.missed").increment())
                .thenReturn(true);
    }

    @Override
    protected Mono<Integer> runOnce() {
        return fireDue();
    }
}
