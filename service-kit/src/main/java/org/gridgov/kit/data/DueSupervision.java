package org.gridgov.kit.data;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.gridgov.kit.runtime.PeriodicTask;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A supervision loop (milestones, cases, care visits, patrol plans): every replica polls at an interval, the
 * first round one interval after the start, and each round acts on what is due now in {@link DueBatches}, a
 * batch per transaction, so {@code for update skip locked} gives each due row to one replica. A subclass says
 * how to lock the due rows, what of a locked row is due now (a reminder, an escalation, a missed visit) — a row
 * may have nothing due after all — and what to do about it; what it does commits with the batch.
 *
 * @param <T> a row that may be due
 * @param <D> what is due of it
 */
public abstract class DueSupervision<T, D> extends PeriodicTask {

    private final TransactionalOperator tx;
    private final Clock clock;
    private final int batchSize;

    protected DueSupervision(String name, Duration pollInterval, int batchSize, TransactionalOperator tx, Clock clock) {
        super(name, pollInterval, pollInterval, null);
        this.tx = tx;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** Locks at most {@code size} rows due at {@code now} ({@code for update skip locked}). */
    protected abstract Flux<T> lockDue(Instant now, int size);

    /** What of the locked row is due at {@code now}; empty when nothing is. */
    protected abstract Optional<D> due(T row, Instant now);

    /** Does what is due of the row (marks it, appends its event); emits when done. */
    protected abstract Mono<?> act(T row, D due, Instant now);

    /** Does everything due now, a batch per transaction; emits how many rows had something due. */
    public Mono<Integer> fireDue() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return DueBatches.drain(batchSize, tx, size -> lockDue(now, size),
                row -> Mono.justOrEmpty(due(row, now)).flatMap(due -> act(row, due, now)));
    }

    @Override
    protected final Mono<Integer> runOnce() {
        return fireDue();
    }
}
