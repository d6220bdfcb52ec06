package org.gridgov.fieldwork.patrol.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.gridgov.kit.domain.Refusal;
import org.junit.jupiter.api.Test;

class PatrolPlanTest {

    private static final Instant NOW = Instant.parse("2026-04-06T01:00:00Z");
    private static final UUID GRID = UUID.randomUUID();

    private static PatrolPlan plan(int everyDays, Instant from) {
        return PatrolPlan.plan(GRID, UUID.randomUUID(), List.of(" 农贸市场 "), everyDays, from, "staff", NOW);
    }

    @Test
    void a_plan_is_known_by_its_grid_and_its_first_patrol_falls_due_a_period_after_it_is_in_force() {
        PatrolPlan plan = plan(2, null);
        assertThat(plan.id()).isEqualTo(GRID);
        assertThat(plan.places()).containsExactly("农贸市场");
        assertThat(plan.dueAt()).isEqualTo(NOW.plus(Duration.ofDays(2)));
        assertThat(plan(2, NOW.minus(Duration.ofDays(3))).dueAt()).as("backdated").isEqualTo(NOW.minus(Duration.ofDays(1)));
    }

    @Test
    void each_due_time_passed_without_a_patrol_is_one_miss_and_a_patrol_starts_the_count_again() {
        PatrolPlan plan = plan(2, null);
        assertThat(plan.missed(NOW.plus(Duration.ofDays(2)).minusSeconds(1))).isEmpty();
        PatrolPlan.Missed first = plan.missed(NOW.plus(Duration.ofDays(2))).orElseThrow();
        assertThat(first.dueAt()).isEqualTo(NOW.plus(Duration.ofDays(2)));
        assertThat(first.plan().dueAt()).isEqualTo(NOW.plus(Duration.ofDays(4)));
        assertThat(first.plan().missedInARow()).isEqualTo(1);
        PatrolPlan.Missed second = first.plan().missed(NOW.plus(Duration.ofDays(5))).orElseThrow();
        assertThat(second.plan().missedInARow()).isEqualTo(2);
        PatrolPlan patrolled = second.plan().patrolled(NOW.plus(Duration.ofDays(5)));
        assertThat(patrolled.missedInARow()).isZero();
        assertThat(patrolled.dueAt()).isEqualTo(NOW.plus(Duration.ofDays(7)));
    }

    @Test
    void bad_plans_are_refused_naming_the_field() {
        assertThatThrownBy(() -> PatrolPlan.plan(GRID, GRID, List.of(), 2, null, "s", NOW))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.field()).isEqualTo("places"));
        assertThatThrownBy(() -> PatrolPlan.plan(GRID, GRID, List.of("a", " "), 2, null, "s", NOW))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.field()).isEqualTo("places[1]"));
        assertThatThrownBy(() -> plan(32, null))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.field()).isEqualTo("everyDays"));
        assertThatThrownBy(() -> plan(2, NOW.plus(Duration.ofDays(1))))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.field()).isEqualTo("from"));
        assertThatThrownBy(() -> plan(2, NOW.minus(Duration.ofDays(32))))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.field()).isEqualTo("from"));
    }
}
