package org.gridgov.committee.supervision;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import org.gridgov.committee.supervision.domain.Overdue;
import org.gridgov.committee.supervision.persistence.SupervisionStore.LateMilestone;
import org.gridgov.committee.supervision.persistence.SupervisionStore;
import org.gridgov.contracts.events.ProjectMilestoneOverdue;
import org.gridgov.kit.data.DueSupervision;
import org.gridgov.kit.outbox.Outbox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Supervision (督办) of the signed projects' milestones: every replica polls, and {@code for update skip
 * locked} gives each late milestone to one of them. The mark on the milestone and its
 * {@code milestone-overdue} event commit together, so a crash in between sends it again rather than never,
 * and a milestone is reminded once and escalated once however many replicas run.
 */
@Component
public class MilestoneSupervision extends DueSupervision<LateMilestone, Overdue.Level> {

    private final SupervisionStore store;
    private final Outbox outbox;
    private final MeterRegistry meters;
    private final Duration escalateAfter;

    MilestoneSupervision(SupervisionStore store, Outbox outbox, TransactionalOperator tx, Clock clock, MeterRegistry meters,
                         @Value("${gridgov.committee.supervision.poll-interval:1m}") Duration pollInterval,
                         @Value("${gridgov.committee.supervision.escalate-after:7d}") Duration escalateAfter,
                         @Value("${gridgov.committee.supervision.batch-size:100}") int batchSize) {
        super("milestone supervision", pollInterval, batchSize, tx, clock);
        this.store = store;
        this.outbox = outbox;
        this.meters = meters;
        this.escalateAfter = escalateAfter;
        // from 0, so that an alert on their increase sees the first one after a start
        for (Overdue.Level level : Overdue.Level.values()) {
            meters.counter("gridgov.committee.supervision.alerts", "level", level.name());
        }
    }

    public Duration escalateAfter() {
        return escalateAfter;
    }

    @Override
    protected Flux<LateMilestone> lockDue(Instant now, int size) {
        return store.lockLate(now, size);
    }

    @Override
    protected Optional<Overdue.Level> due(LateMilestone milestone, Instant now) {
        return Overdue.next(milestone.dueDate(), milestone.remindedAt(), milestone.escalatedAt(), now, escalateAfter);
    }

    /** Marks the milestone reminded or escalated and sends its alert. */
    @Override
    protected Mono<Boolean> act(LateMilestone milestone, Overdue.Level level, Instant now) {
        return store.mark(milestone, level, now)
                .then(outbox.append(new ProjectMilestoneOverdue(milestone.projectId(), milestone.communityId(),
                        milestone.year(), milestone.unitId(), milestone.title(), milestone.dueDate(),
                        ProjectMilestoneOverdue.Level.valueOf(level.name()),
                        Overdue.daysLate(milestone.dueDate(), now), now)))
                .doOnSuccess(sent -> meters.counter("gridgov.committee.supervision.alerts", "level", level.name())
                        .increment())
                .thenReturn(true);
    }
}
