package org.gridgov.fieldwork.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import org.gridgov.fieldwork.cases.domain.FieldCase;
import org.gridgov.fieldwork.cases.domain.Sla;
import org.gridgov.fieldwork.cases.messaging.CaseEvents;
import org.gridgov.fieldwork.cases.persistence.CaseStore;
import org.gridgov.kit.data.DueSupervision;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The departments' SLA timers: every replica polls, and {@code for update skip locked} gives each late case to
 * one of them. A department past the time to acknowledge or handle its case is reminded; past twice that time
 * the street is told. The mark on the case and its {@code case.alerted} event commit together, and the timers
 * live in the database (the case's {@code due_at}), so they survive restarts.
 */
@Component
public class CaseSupervision extends DueSupervision<FieldCase, Sla.Alert> {

    private final CaseStore cases;
    private final CaseEvents events;
    private final Sla sla;
    private final MeterRegistry meters;

    CaseSupervision(CaseStore cases, CaseEvents events, Sla sla, TransactionalOperator tx, Clock clock,
                    MeterRegistry meters,
                    @Value("${gridgov.fieldwork.sla.poll-interval:1m}") Duration pollInterval,
                    @Value("${gridgov.fieldwork.sla.batch-size:100}") int batchSize) {
        super("case SLA timers", pollInterval, batchSize, tx, clock);
        this.cases = cases;
        this.events = events;
        this.sla = sla;
        this.meters = meters;
        // from 0, so that an alert on their increase sees the first one after a start
        for (Sla.Alert alert : Sla.Alert.values()) {
            meters.counter("gridgov.fieldwork.case.alerts", "level", alert.name());
        }
    }

    @Override
    protected Flux<FieldCase> lockDue(Instant now, int size) {
        return cases.lockDue(now, size);
    }

    @Override
    protected Optional<Sla.Alert> due(FieldCase c, Instant now) {
        return Sla.next(c.progress().dueAt(), sla.allowed(c.report().severity(), c.status()), c.progress().remindedAt(),
                c.progress().escalatedAt(), now);
    }

    /** Marks the case reminded or escalated and sends its alert. */
    @Override
    protected Mono<Boolean> act(FieldCase c, Sla.Alert alert, Instant now) {
        return cases.update(c.alerted(alert, now))
                .then(events.late(c, alert, now))
                .doOnSuccess(sent -> meters.counter("gridgov.fieldwork.case.alerts", "level", alert.name()).increment())
                .thenReturn(true);
    }
}
