package org.gridgov.kit.data;

import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Work that falls due in the database (SLA timers, milestone and case supervision), done a batch
 * per transaction: each batch locks at most {@code size} due rows ({@code for update skip locked},
 * so replicas share the work and none does a row twice), and batches follow one another until one
 * comes back short — nothing more is due now.
 */
public final class DueBatches {

    private DueBatches() {
    }

    /** What one batch found: how many due rows it locked, and how many of them it acted on. */
    public record Batch(int seen, int done) {
    }

    /** Runs {@code batch} until one locks fewer than {@code size} rows; emits how many rows were acted on in all. */
    public static Mono<Integer> drain(int size, Supplier<Mono<Batch>> batch) {
        return Mono.defer(batch)
                .expand(last -> last.seen() >= size ? Mono.defer(batch) : Mono.empty())
                .map(Batch::done)
                .reduce(0, Integer::sum);
    }

    /**
     * The usual batch: in one transaction, lock up to {@code size} due rows with {@code lockDue}, then
     * {@code act} on each in turn — it emits when it did something (an alert, an event), nothing when the row
     * had nothing due after all. Batches follow one another as in {@link #drain(int, Supplier)}.
     */
    public static <T> Mono<Integer> drain(int size, TransactionalOperator tx, IntFunction<Flux<T>> lockDue,
                                          Function<T, Mono<?>> act) {
        return drain(size, () -> tx.transactional(lockDue.apply(size).collectList()
                .flatMap(due -> Flux.fromIterable(due).concatMap(act).count()
                        .map(done -> new Batch(due.size(), done.intValue())))));
    }
}
