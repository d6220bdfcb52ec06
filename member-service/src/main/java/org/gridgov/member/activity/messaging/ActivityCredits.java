package org.gridgov.member.activity.messaging;

import java.math.BigDecimal;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.gridgov.contracts.events.ActivityCompleted;
import org.gridgov.kit.inbox.EventSubscriber;
import org.gridgov.kit.inbox.TypedEventHandler;
import org.gridgov.member.activity.persistence.ActivityHoursStore;
import org.gridgov.member.points.PointsLedger;
import org.gridgov.member.points.domain.Cause;
import org.gridgov.member.points.domain.LedgerTransaction;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Credits each participant of a completed joint activity with its service hours and points. The kit's inbox drops a
 * redelivered event; the hours' key (activity, person) and the ledger's unique cause drop a repeated completion, so
 * an activity pays each person once.
 */
@Component
record ActivityCredits(ActivityHoursStore hours, PointsLedger ledger, MeterRegistry meters) implements EventSubscriber {

    @Override
    public TypedEventHandler handlers() {
        return TypedEventHandler.named("activity-credits")
                .on(ActivityCompleted.class, this::credit);
    }

    private Mono<Void> credit(ActivityCompleted completed) {
        BigDecimal earned = BigDecimal.valueOf(completed.hours());
        return Flux.fromIterable(completed.participants())
                .concatMap(participant -> hours.credit(completed.activityId(), participant.personId(),
                                participant.kind(), completed.communityId(), earned, completed.points(),
                                completed.occurredAt())
                        .flatMap(first -> {
                            if (!first) {
                                return Mono.<Void>empty();
                            }
                            meters.counter("gridgov.members.activity.credits", "kind", participant.kind()).increment();
                            return completed.points() == 0 ? Mono.<Void>empty()
                                    : ledger.post(LedgerTransaction.credit(UUID.randomUUID(), participant.personId(),
                                            completed.points(), Cause.activity(completed.activityId()),
                                            completed.occurredAt())).then();
                        }))
                .then();
    }
}
