package org.gridgov.fieldwork.department.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class PerformanceTest {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    private static Performance.Referral referral(long ackMinutes, boolean ackOnTime, Long handleMinutes,
                                                 Boolean handledOnTime, boolean closed, int reworks) {
        Instant ack = T0.plus(Duration.ofMinutes(ackMinutes));
        Instant handled = handleMinutes == null ? null : ack.plus(Duration.ofMinutes(handleMinutes));
        return new Performance.Referral(T0, ack, ackOnTime, handled, handledOnTime, closed ? handled : null, reworks);
    }

    @Test
    void counts_on_time_steps_rework_and_the_median_times() {
        Performance p = Performance.of(List.of(
                referral(30, true, 600L, true, true, 0),
                referral(300, false, 1200L, false, true, 2),
                referral(60, true, null, null, false, 0),
                new Performance.Referral(T0, null, null, null, null, null, 0)));
        assertThat(p.referred()).isEqualTo(4);
        assertThat(p.acknowledged()).isEqualTo(3);
        assertThat(p.acknowledgedOnTime()).isEqualTo(2);
        assertThat(p.handled()).isEqualTo(2);
        assertThat(p.handledOnTime()).isEqualTo(1);
        assertThat(p.closed()).isEqualTo(2);
        assertThat(p.reworked()).isEqualTo(1);
        assertThat(p.reworks()).isEqualTo(2);
        assertThat(p.reworkRate()).isEqualTo(0.5);
        assertThat(p.medianMinutesToAcknowledge()).isEqualTo(60);
        assertThat(p.medianMinutesToHandle()).isEqualTo(600);
    }

    @Test
    void no_referrals_give_zeros_and_no_medians() {
        Performance p = Performance.of(List.of());
        assertThat(p.referred()).isZero();
        assertThat(p.reworkRate()).isZero();
        assertThat(p.medianMinutesToAcknowledge()).isNull();
    }
}
