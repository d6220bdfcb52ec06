package org.gridgov.wish.open311.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.gridgov.contracts.Category;
import org.gridgov.wish.wish.domain.WishStatus;
import org.junit.jupiter.api.Test;

class RequestQueryTest {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    @Test
    void without_dates_the_last_90_days_are_asked_for() {
        RequestQuery query = RequestQuery.read(Map.of(), NOW);

        assertThat(query.end()).isEqualTo(NOW);
        assertThat(query.start()).isEqualTo(NOW.minus(Duration.ofDays(90)));
        assertThat(query.page()).isEqualTo(1);
        assertThat(query.pageSize()).isEqualTo(50);
        assertThat(query.extensions()).isFalse();
    }

    @Test
    void a_start_date_alone_reaches_90_days_on_and_an_end_date_alone_90_days_back() {
        assertThat(RequestQuery.read(Map.of("start_date", "2026-01-01T00:00:00+08:00"), NOW).end())
                .isEqualTo(Instant.parse("2025-12-31T16:00:00Z").plus(Duration.ofDays(90)));
        assertThat(RequestQuery.read(Map.of("end_date", "2026-03-01T00:00:00Z"), NOW).start())
                .isEqualTo(Instant.parse("2026-03-01T00:00:00Z").minus(Duration.ofDays(90)));
    }

    @Test
    void open_and_closed_stand_for_the_workflow_statuses() {
        assertThat(RequestQuery.read(Map.of("status", "open"), NOW).statuses())
                .containsExactly(WishStatus.SUBMITTED, WishStatus.DISPATCHED, WishStatus.CLAIMED, WishStatus.FULFILLED,
                        WishStatus.AWAITING_INFO);
        assertThat(RequestQuery.read(Map.of("status", "closed"), NOW).statuses())
                .containsExactly(WishStatus.CLOSED, WishStatus.REJECTED, WishStatus.CANCELLED);
    }

    @Test
    void service_request_ids_override_every_other_filter() {
        RequestQuery query = RequestQuery.read(Map.of("service_request_id", "0d6f1c3a-1b2c-4d5e-8f90-123456789abc, nonsense",
                "status", "bogus", "service_code", "ALSO_BOGUS"), NOW);

        assertThat(query.byIds()).isTrue();
        assertThat(query.ids()).hasSize(1);
        assertThat(query.statuses()).isEmpty();
    }

    @Test
    void codes_pages_and_spans_are_checked() {
        assertThat(RequestQuery.read(Map.of("service_code", "REPAIRS,HEALTH", "page", "3", "page_size", "10"), NOW))
                .satisfies(query -> {
                    assertThat(query.categories()).containsExactly(Category.REPAIRS, Category.HEALTH);
                    assertThat(query.offset()).isEqualTo(20);
                });
        assertThatThrownBy(() -> RequestQuery.read(Map.of("page", "0"), NOW)).isInstanceOf(Open311Refusal.class);
        assertThatThrownBy(() -> RequestQuery.read(Map.of("start_date", "2026-01-01T00:00:00Z",
                "end_date", "2026-04-01T00:00:01Z"), NOW)).hasMessage("start_date and end_date may be at most 90 days apart.");
    }
}
