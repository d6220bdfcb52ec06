package org.gridgov.apps.webhook.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofHours(24));
    private final Instant first = Instant.parse("2026-05-01T00:00:00Z");

    @Test
    void retries_back_off_from_thirty_seconds_doubling_up_to_an_hour() {
        List<Duration> waits = new ArrayList<>();
        Instant at = first;
        for (int attempts = 1; attempts <= 10; attempts++) {
            Instant next = schedule.next(first, attempts, at).orElseThrow();
            waits.add(Duration.between(at, next));
            at = next;
        }

        assertThat(waits).containsExactly(Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2),
                Duration.ofMinutes(4), Duration.ofMinutes(8), Duration.ofMinutes(16), Duration.ofMinutes(32),
                Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1));
    }

    @Test
    void a_delivery_is_parked_once_the_next_attempt_would_fall_after_24_hours() {
        int attempts = 1;
        Instant at = first;
        Optional<Instant> next = schedule.next(first, attempts, at);
        while (next.isPresent()) {
            at = next.get();
            next = schedule.next(first, ++attempts, at);
        }

        assertThat(at).isBefore(first.plus(Duration.ofHours(24)).plusSeconds(1));
        assertThat(at).isAfter(first.plus(Duration.ofHours(23)));
        assertThat(attempts).isEqualTo(30);
    }
}
