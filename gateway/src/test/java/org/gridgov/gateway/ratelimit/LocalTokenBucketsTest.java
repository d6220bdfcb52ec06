package org.gridgov.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class LocalTokenBucketsTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final LocalTokenBuckets buckets = new LocalTokenBuckets(now::get);
    private final Budget twoPerSecondBurstOfThree = new Budget(3, 2);

    @Test
    void a_client_may_burst_up_to_the_capacity_and_is_then_told_when_to_come_back() {
        assertThat(buckets.take("a", twoPerSecondBurstOfThree)).isEqualTo(Decision.allowed(2));
        assertThat(buckets.take("a", twoPerSecondBurstOfThree)).isEqualTo(Decision.allowed(1));
        assertThat(buckets.take("a", twoPerSecondBurstOfThree)).isEqualTo(Decision.allowed(0));
        assertThat(buckets.take("a", twoPerSecondBurstOfThree)).isEqualTo(Decision.refused(Duration.ofMillis(500)));
    }

    @Test
    void the_budget_refills_with_time_but_never_beyond_the_capacity() {
        for (int i = 0; i < 3; i++) {
            buckets.take("a", twoPerSecondBurstOfThree);
        }
        now.addAndGet(500);
        assertThat(buckets.take("a", twoPerSecondBurstOfThree).allowed()).isTrue();
        assertThat(buckets.take("a", twoPerSecondBurstOfThree).allowed()).isFalse();

        now.addAndGet(60_000);
        assertThat(buckets.take("a", twoPerSecondBurstOfThree)).isEqualTo(Decision.allowed(2));
    }

    @Test
    void clients_do_not_share_a_bucket() {
        for (int i = 0; i < 3; i++) {
            buckets.take("a", twoPerSecondBurstOfThree);
        }
        assertThat(buckets.take("b", twoPerSecondBurstOfThree).allowed()).isTrue();
    }
}
