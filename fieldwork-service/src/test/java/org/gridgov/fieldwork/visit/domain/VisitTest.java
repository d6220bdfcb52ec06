package org.gridgov.fieldwork.visit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.gridgov.kit.domain.Refusal;
import org.junit.jupiter.api.Test;

class VisitTest {

    private static final Instant NOW = Instant.parse("2026-03-11T02:00:00Z");

    private static Visit visit(String note, List<String> findings, Instant at) {
        return Visit.record(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "staff", Visit.Kind.ROUTINE, note,
                findings, at, NOW);
    }

    @Test
    void a_visit_is_logged_now_or_within_a_month_after_it() {
        assertThat(visit(" 走访 ", null, null).visitedAt()).isEqualTo(NOW);
        assertThat(visit("走访", List.of(" 灯坏了 "), NOW.minus(Duration.ofDays(30))).findings()).containsExactly("灯坏了");
        assertThatThrownBy(() -> visit("走访", List.of(), NOW.minus(Duration.ofDays(40))))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.field()).isEqualTo("visitedAt"));
        assertThatThrownBy(() -> visit("走访", List.of(), NOW.plus(Duration.ofHours(1))))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.field()).isEqualTo("visitedAt"));
    }

    @Test
    void a_visit_says_what_it_was_about_and_names_each_finding() {
        assertThatThrownBy(() -> visit(" ", List.of(), null))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.field()).isEqualTo("note"));
        assertThatThrownBy(() -> visit("走访", Arrays.asList("灯", " "), null))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.field()).isEqualTo("findings[1]"));
    }

    @Test
    void coverage_is_the_share_of_households_visited() {
        assertThat(Coverage.MicroGrid.of(UUID.randomUUID(), "一", 3, 2).share()).isEqualTo(0.667);
        assertThat(Coverage.MicroGrid.of(UUID.randomUUID(), "空", 0, 0).share()).isZero();
    }
}
