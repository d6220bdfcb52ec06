package org.gridgov.wish.sla;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import org.gridgov.kit.data.DueBatches;
import org.gridgov.kit.runtime.PeriodicTask;
import org.gridgov.wish.sla.domain.SlaAlert;
import org.gridgov.wish.sla.domain.SlaFiring;
import org.gridgov.wish.sla.domain.SlaPolicy;
import org.gridgov.wish.sla.persistence.SlaTimerStore;
import org.gridgov.wish.wish.domain.Action;
import org.gridgov.wish.wish.domain.ActorRole;
import org.gridgov.wish.wish.domain.HistoryEntry;
import org.gridgov.wish.wish.messaging.WishEvents;
import org.gridgov.wish.wish.persistence.WishStore;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Fires the SLA timers that are due: every replica polls, and {@code for update skip locked} gives
 * each due timer to exactly one of them. A reminder or escalation, its history entry, its event and
 * the timer's next state commit together, so a crash in between fires it again rather than losing it.
 */
@Component
public class SlaTimers extends PeriodicTask {

    private final SlaTimerStore timers;
    private final WishStore wishes;
    private final WishEvents events;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final SlaPolicy policy;
    private final SlaProperties properties;
    private final MeterRegistry meters;

    SlaTimers(SlaTimerStore timers, WishStore wishes, WishEvents events, TransactionalOperator tx, Clock clock,
              SlaPolicy policy, SlaProperties properties, MeterRegistry meters) {
        super("firing the SLA timers", properties.pollInterval());
        this.timers = timers;
        this.wishes = wishes;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
        this.policy = policy;
        this.properties = properties;
        this.meters = meters;
    }

    @Override
    protected Mono<Integer> runOnce() {
        return fireDue();
    }

    /** Fires every timer due now, a batch per transaction; returns how many were handled. */
    public Mono<Integer> fireDue() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return DueBatches.drain(properties.batchSize(), () -> fireBatch(now));
    }

    private Mono<DueBatches.Batch> fireBatch(Instant now) {
        return tx.transactional(timers.lockDue(now, properties.batchSize())
                .collectList()
                .flatMapMany(Flux::fromIterable)
                .concatMap(due -> {
                    SlaFiring firing = policy.fire(due.timer(), now);
                    Mono<Void> announce = firing.alert().map(alert -> {
                        meters.counter("gridgov.wish.sla.alerts", "kind", alert.kind().name(), "step",
                                alert.step().name(), "level", alert.level().name(),
                                "community", due.placement().communityId().toString()).increment();
                        Action action = alert.kind() == SlaAlert.Kind.REMINDER
                                ? Action.REMINDED : Action.ESCALATED;
                        return wishes.append(due.wishId(), new HistoryEntry(action, Optional.of(due.status()),
                                        due.status(), WishEvents.SLA_TIMER, ActorRole.SYSTEM, now,
                                        Optional.of(alert.step() + " due " + alert.dueAt()), Optional.of(alert.level())))
                                .then(events.alerted(due.wishId(), due.status(), due.placement(), alert, now));
                    }).orElse(Mono.empty());
                    return timers.save(due.wishId(), firing).then(announce).thenReturn(1);
                })
                .count()
                .map(handled -> new DueBatches.Batch(handled.intValue(), handled.intValue())));
    }
}
