package org.gridgov.fieldwork.patrol.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.gridgov.kit.domain.Refusal;
import org.junit.jupiter.api.Test;

class PatrolTest {

    private static final Instant START = Instant.parse("2026-03-10T01:00:00Z");
    private final Patrol patrol = Patrol.start(UUID.randomUUID(), UUID.randomUUID(), "staff", START);

    @Test
    void check_ins_lie_between_the_start_and_now_with_both_coordinates_or_none() {
        Instant now = START.plus(Duration.ofMinutes(30));
        assertThat(patrol.checkIn(" 北口 ", null, 29.7, 107.4, now)).isEqualTo(new Patrol.CheckIn(1, "北口", now, 29.7, 107.4));
        assertThat(patrol.checkedIn().checkIn("南口", START.plusSeconds(60), null, null, now).position()).isEqualTo(2);
        assertThatThrownBy(() -> patrol.checkIn("北口", START.minusSeconds(1), null, null, now))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.field()).isEqualTo("at"));
        assertThatThrownBy(() -> patrol.checkIn("北口", null, 29.7, null, now))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.field()).isEqualTo("long"));
        assertThatThrownBy(() -> patrol.checkIn("北口", null, 10.0, 190.0, now))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.field()).isEqualTo("long"));
    }

    @Test
    void an_ended_patrol_takes_nothing_more_and_knows_how_long_it_took() {
        Patrol ended = patrol.found().end(START.plus(Duration.ofMinutes(95)));
        assertThat(ended.minutes()).isEqualTo(95);
        assertThat(ended.findings()).isEqualTo(1);
        assertThatThrownBy(() -> ended.end(START.plus(Duration.ofHours(2))))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.CONFLICT));
        assertThatThrownBy(() -> ended.checkIn("x", null, null, null, START.plus(Duration.ofHours(2))))
                .isInstanceOf(Refusal.class);
    }
}
