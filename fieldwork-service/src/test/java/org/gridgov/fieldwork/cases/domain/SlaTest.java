package org.gridgov.fieldwork.cases.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class SlaTest {

    private static final Instant DUE = Instant.parse("2026-03-02T12:00:00Z");
    private static final Duration FOUR_HOURS = Duration.ofHours(4);

    @Test
    void nothing_before_the_due_time_a_reminder_after_it_the_escalation_after_twice_the_time_each_once() {
        assertThat(Sla.next(DUE, FOUR_HOURS, null, null, DUE.minusSeconds(1))).isEmpty();
        assertThat(Sla.next(DUE, FOUR_HOURS, null, null, DUE)).contains(Sla.Alert.REMINDER);
        assertThat(Sla.next(DUE, FOUR_HOURS, DUE, null, DUE.plusSeconds(60))).isEmpty();
        assertThat(Sla.next(DUE, FOUR_HOURS, DUE, null, DUE.plus(FOUR_HOURS))).contains(Sla.Alert.ESCALATION);
        assertThat(Sla.next(DUE, FOUR_HOURS, DUE, DUE.plus(FOUR_HOURS), DUE.plus(Duration.ofDays(9)))).isEmpty();
        assertThat(Sla.next(DUE, FOUR_HOURS, null, null, DUE.plus(Duration.ofDays(1))))
                .as("found only later: straight to the street").contains(Sla.Alert.ESCALATION);
        assertThat(Sla.next(null, FOUR_HOURS, null, null, DUE)).isEmpty();
    }
}
