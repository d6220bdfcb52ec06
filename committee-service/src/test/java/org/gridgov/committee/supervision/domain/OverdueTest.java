package org.gridgov.committee.supervision.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class OverdueTest {

    private static final LocalDate DUE = LocalDate.of(2026, 3, 31);
    private static final Duration WEEK = Duration.ofDays(7);

    @Test
    void on_its_due_day_a_milestone_is_not_late() {
        assertThat(Overdue.next(DUE, null, null, Instant.parse("2026-03-31T23:59:59Z"), WEEK)).isEmpty();
    }

    @Test
    void the_day_after_the_unit_is_reminded_and_a_week_later_the_admins_are_told() {
        Instant reminded = Instant.parse("2026-04-01T00:00:00Z");
        assertThat(Overdue.next(DUE, null, null, reminded, WEEK)).contains(Overdue.Level.REMINDER);
        assertThat(Overdue.next(DUE, reminded, null, Instant.parse("2026-04-07T23:00:00Z"), WEEK)).isEmpty();
        assertThat(Overdue.next(DUE, reminded, null, Instant.parse("2026-04-08T00:00:00Z"), WEEK))
                .contains(Overdue.Level.ESCALATION);
        assertThat(Overdue.next(DUE, reminded, Instant.parse("2026-04-08T00:00:00Z"), Instant.parse("2026-05-01T00:00:00Z"),
                WEEK)).isEmpty();
    }

    @Test
    void days_late_count_whole_days_after_the_due_date() {
        assertThat(Overdue.daysLate(DUE, Instant.parse("2026-04-02T09:00:00Z"))).isEqualTo(2);
        assertThat(Overdue.daysLate(DUE, Instant.parse("2026-03-30T09:00:00Z"))).isZero();
    }
}
