package org.gridgov.kit.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.junit.jupiter.api.Test;
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
}
