package org.gridgov.wish.kpi.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class KpisTest {

    private static final StepMedians NONE = new StepMedians(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());

    @Test
    void the_seeds_139_claimed_of_163_submitted_is_a_fulfilment_rate_of_85_percent() {
        Kpis kpis = Kpis.of(new Tally(163, 160, 139, 120, 100, 10, 0, 0, 0), PushBack.NONE, NONE);
        assertThat(kpis.fulfilmentRate()).contains(new BigDecimal("0.853"));
    }

    @Test
    void late_wishes_still_open_count_against_the_on_time_rate() {
        Kpis kpis = Kpis.of(new Tally(20, 20, 15, 10, 8, 6, 0, 0, 0), PushBack.NONE, NONE);
        assertThat(kpis.onTimeRate()).contains(new BigDecimal("0.500"));
    }

    @Test
    void satisfaction_is_the_share_of_4_and_5_ratings_and_the_average_is_over_rated_wishes() {
        Kpis kpis = Kpis.of(new Tally(10, 10, 10, 4, 4, 0, 4, 15, 3), PushBack.NONE, NONE);
        assertThat(kpis.averageRating()).contains(new BigDecimal("3.750"));
        assertThat(kpis.satisfaction()).contains(new BigDecimal("0.750"));
    }

    @Test
    void an_idle_grid_has_no_rates_rather_than_perfect_or_zero_ones() {
        Kpis kpis = Kpis.of(new Tally(0, 0, 0, 0, 0, 0, 0, 0, 0), PushBack.NONE, NONE);
        assertThat(kpis.fulfilmentRate()).isEmpty();
        assertThat(kpis.reopenRate()).isEmpty();
        assertThat(kpis.onTimeRate()).isEmpty();
        assertThat(kpis.averageRating()).isEmpty();
        assertThat(kpis.satisfaction()).isEmpty();
    }

    @Test
    void the_reopen_rate_is_the_share_of_wishes_closed_at_least_once_that_were_reopened() {
        Kpis kpis = Kpis.of(new Tally(10, 10, 10, 7, 7, 0, 7, 35, 7), new PushBack(8, 2, 5), NONE);
        assertThat(kpis.reopenRate()).contains(new BigDecimal("0.250"));
        assertThat(kpis.pushBack().urges()).isEqualTo(5);
    }
}
