package org.gridgov.kit.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.reactive.TransactionCallback;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class DueBatchesTest {

    @Test
    void batches_follow_one_another_until_one_comes_back_short_and_what_they_did_adds_up() {
        Deque<DueBatches.Batch> found = new ArrayDeque<>(List.of(new DueBatches.Batch(3, 3), new DueBatches.Batch(3, 1),
                new DueBatches.Batch(2, 2), new DueBatches.Batch(3, 3)));
        int done = DueBatches.drain(3, () -> Mono.just(found.pop())).block();
        assertThat(done).isEqualTo(6);
        assertThat(found).as("the batch after the short one is never asked for").hasSize(1);
    }

    @Test
    void nothing_due_is_one_empty_batch() {
        int[] asked = {0};
        int done = DueBatches.drain(100, () -> {
            asked[0]++;
            return Mono.just(new DueBatches.Batch(0, 0));
        }).block();
        assertThat(done).isZero();
        assertThat(asked[0]).isEqualTo(1);
    }

    @Test
    void each_batch_locks_in_its_own_transaction_and_counts_the_rows_acted_on() {
        List<Integer> rows = new ArrayList<>(List.of(1, 2, 3, 4, 5, 6, 7));
        int[] transactions = {0};
        TransactionalOperator tx = new TransactionalOperator() {
            @Override
            public <T> Flux<T> execute(TransactionCallback<T> action) {
                transactions[0]++;
                return Flux.from(action.doInTransaction(null));
            }
        };
        int done = DueBatches.drain(3, tx, size -> {
            List<Integer> locked = List.copyOf(rows.subList(0, Math.min(size, rows.size())));
            rows.removeAll(locked);
            return Flux.fromIterable(locked);
        }, row -> row % 2 == 0 ? Mono.just(row) : Mono.empty()).block();

        assertThat(done).as("the even rows had something due").isEqualTo(3);
        assertThat(transactions[0]).as("3 + 3 + 1 rows").isEqualTo(3);
        assertThat(rows).isEmpty();
    }
}
