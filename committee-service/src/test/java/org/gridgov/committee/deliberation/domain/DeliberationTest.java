package org.gridgov.committee.deliberation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.gridgov.kit.domain.Refusal;
import org.junit.jupiter.api.Test;

class DeliberationTest {

    private static final Instant AT = Instant.parse("2026-06-20T02:00:00Z");

    private static Deliberation opened() {
        return Deliberation.open(UUID.randomUUID(), "增设老年食堂", "说明", List.of(), AT);
    }

    private static Deliberation passed(Deliberation deliberation) {
        return deliberation.take(UUID.randomUUID(), UUID.randomUUID(), true, true, AT);
    }

    @Test
    void four_passed_steps_in_order_resolve_the_matter() {
        Deliberation deliberation = opened();
        for (Deliberation.Stage stage : Deliberation.Stage.values()) {
            assertThat(deliberation.nextStage()).isEqualTo(stage);
            deliberation = passed(deliberation);
        }

        assertThat(deliberation.status()).isEqualTo(Deliberation.Status.RESOLVED);
        assertThat(deliberation.steps()).extracting(Deliberation.Step::stage).containsExactly(Deliberation.Stage.values());
    }

    @Test
    void a_failed_step_ends_it_and_nothing_follows() {
        Deliberation failed = passed(opened()).take(UUID.randomUUID(), UUID.randomUUID(), true, false, AT);

        assertThat(failed.status()).isEqualTo(Deliberation.Status.FAILED);
        assertThat(failed.steps().get(1).passed()).isFalse();
        assertThatThrownBy(() -> passed(failed)).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> failed.disclose(Deliberation.Disclosure.RESOLUTION)).isInstanceOf(Refusal.class);
    }

    @Test
    void an_open_motion_or_one_used_before_takes_no_step() {
        Deliberation deliberation = opened();
        UUID motion = UUID.randomUUID();
        Deliberation first = deliberation.take(UUID.randomUUID(), motion, true, true, AT);

        assertThatThrownBy(() -> deliberation.take(UUID.randomUUID(), UUID.randomUUID(), false, false, AT))
                .extracting(e -> ((Refusal) e).code()).isEqualTo("MOTION_OPEN");
        assertThatThrownBy(() -> first.take(UUID.randomUUID(), motion, true, true, AT))
                .extracting(e -> ((Refusal) e).field()).isEqualTo("motionId");
    }

    @Test
    void the_result_is_disclosed_only_after_the_resolution() {
        Deliberation resolved = passed(passed(passed(passed(opened()))));

        assertThatThrownBy(() -> resolved.disclose(Deliberation.Disclosure.IMPLEMENTATION_RESULT))
                .isInstanceOf(Refusal.class);
        Deliberation both = resolved.disclose(Deliberation.Disclosure.RESOLUTION)
                .disclose(Deliberation.Disclosure.IMPLEMENTATION_RESULT);
        assertThat(both.status()).isEqualTo(Deliberation.Status.RESULT_DISCLOSED);
    }
}
