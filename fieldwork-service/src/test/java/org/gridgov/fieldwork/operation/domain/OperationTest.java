package org.gridgov.fieldwork.operation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.gridgov.kit.domain.Refusal;
import org.junit.jupiter.api.Test;

class OperationTest {

    private static final Instant AT = Instant.parse("2026-07-12T08:00:00Z");

    private static Operation open() {
        return Operation.open(UUID.randomUUID(), UUID.randomUUID(), OperationKind.FLOOD, " 汛期防汛 ",
                List.of(new TaskGroup("巡堤组", null), new TaskGroup("转移组", null)), "admin", AT);
    }

    @Test
    void hours_count_from_arrival_to_close_in_half_hours_at_least_one_half_at_most_twelve() {
        assertThat(Operation.hoursServed(AT, AT.plusSeconds(6 * 3600 + 40 * 60))).isEqualByComparingTo("6.5");
        assertThat(Operation.hoursServed(AT, AT.plusSeconds(10 * 60))).isEqualByComparingTo("0.5");
        assertThat(Operation.hoursServed(AT, AT.plusSeconds(3 * 24 * 3600))).isEqualByComparingTo("12");
    }

    @Test
    void an_operation_closes_once_and_names_a_missing_group_as_the_field() {
        Operation operation = open();
        assertThat(operation.title()).isEqualTo("汛期防汛");
        assertThatThrownBy(() -> operation.group("消防组", "groupName")).isInstanceOfSatisfying(Refusal.class,
                refusal -> assertThat(refusal.field()).isEqualTo("groupName"));
        Operation closed = operation.close(AT.plusSeconds(60));
        assertThat(closed.status()).isEqualTo(Operation.Status.CLOSED);
        assertThatThrownBy(() -> closed.close(AT.plusSeconds(120))).isInstanceOfSatisfying(Refusal.class,
                refusal -> assertThat(refusal.kind()).isEqualTo(Refusal.Kind.CONFLICT));
    }

    @Test
    void task_groups_need_distinct_names() {
        assertThatThrownBy(() -> Operation.open(UUID.randomUUID(), null, OperationKind.FIRE, "火警",
                List.of(new TaskGroup("A", null), new TaskGroup(" A ", null)), "admin", AT))
                .isInstanceOfSatisfying(Refusal.class, refusal -> assertThat(refusal.field()).isEqualTo("taskGroups[1].name"));
    }

    @Test
    void an_arrived_callee_keeps_the_first_arrival_and_is_not_on_the_way_again() {
        Callee callee = Callee.called(UUID.randomUUID(), Callee.Kind.MEMBER, UUID.randomUUID(), "巡堤组", UUID.randomUUID(), AT);
        Callee arrived = callee.report(Callee.Status.ARRIVED, AT.plusSeconds(600));
        Callee again = arrived.report(Callee.Status.UNAVAILABLE, AT.plusSeconds(900)).report(Callee.Status.ARRIVED, AT.plusSeconds(1200));
        assertThat(again.arrivedAt()).isEqualTo(AT.plusSeconds(600));
        assertThatThrownBy(() -> arrived.report(Callee.Status.ON_THE_WAY, AT.plusSeconds(700))).isInstanceOf(Refusal.class);
        assertThat(Callee.Status.ON_THE_WAY.acknowledged()).isTrue();
        assertThat(Callee.Status.UNAVAILABLE.acknowledged()).isFalse();
    }
}
