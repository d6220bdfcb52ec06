package org.gridgov.fieldwork.patrol;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import org.gridgov.contracts.events.PatrolMissed;
import org.gridgov.fieldwork.patrol.domain.PatrolPlan;
import org.gridgov.fieldwork.patrol.persistence.PatrolPlanStore;
import org.gridgov.kit.data.DueSupervision;
import org.gridgov.kit.outbox.Outbox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The patrol plans' timers: every replica polls, and {@code for update skip locked} gives each plan whose patrol fell
 * due without one to one of them, which records the missed patrol, moves the plan on a period and announces it
 * ({@code org.gridgov.patrol.missed.v1}) in one transaction — so a miss is recorded and told once. A plan many periods
 * behind (the service was down) records each missed period, one per batch round.
 */
@Component
public class PatrolPlanSupervision extends DueSupervision<PatrolPlan, PatrolPlan.Missed> {

    private final PatrolPlanStore plans;
    private final Outbox outbox;
    private final MeterRegistry meters;

    PatrolPlanSupervision(PatrolPlanStore plans, Outbox outbox, TransactionalOperator tx, Clock clock, MeterRegistry meters,
                          @Value("${gridgov.fieldwork.patrol.poll-interval:15m}") Duration pollInterval,
                          @Value("${gridgov.fieldwork.patrol.batch-size:100}") int batchSize) {
        super("patrol plan timers", pollInterval, batchSize, tx, clock);
        this.plans = plans;
        this.outbox = outbox;
        this.meters = meters;
        // from 0, so that an alert on its increase sees the first one after a start
        meters.counter("gridgov.fieldwork.patrols.missed");
    }

    @Override
    protected Flux<PatrolPlan> lockDue(Instant now, int size) {
        return plans.lockDue(now, size);
    }

    @Override
    protected Optional<PatrolPlan.Missed> due(PatrolPlan plan, Instant now) {
        return plan.missed(now);
    }

    /** Records the missed patrol, moves the plan on a period and announces the miss. */
    @Override
    protected Mono<Boolean> act(PatrolPlan plan, PatrolPlan.Missed missed, Instant now) {
        PatrolPlan next = missed.plan();
        return plans.missed(missed, now)
                .then(outbox.append(new PatrolMissed(next.id(), next.gridId(), next.communityId(), missed.dueAt(),
                        next.dueAt(), next.missedInARow(), now)))
                .doOnSuccess(sent -> meters.counter("gridgov.fieldwork.patrols.missed").increment())
                .thenReturn(true);
    }
}
