package org.gridgov.wish.sla.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.gridgov.contracts.Category;
import org.gridgov.wish.wish.domain.EscalationLevel;
import org.gridgov.wish.wish.domain.WishStatus;
import org.junit.jupiter.api.Test;

class SlaPolicyTest {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private final SlaPolicy policy = new SlaPolicy(
            new SlaPolicy.Deadlines(Duration.ofHours(24), Duration.ofDays(7), Duration.ofDays(30), Duration.ofDays(7),
                    Duration.ofDays(2)),
            Map.of(Category.SAFETY, new SlaPolicy.Deadlines(Duration.ofHours(2), null, null, null, Duration.ofHours(10))),
            0.2);

    @Test
    void each_open_status_has_the_deadline_of_its_step_and_a_final_one_none() {
        assertThat(policy.deadlineFor(WishStatus.SUBMITTED, Category.OTHER, Optional.empty(), T0).orElseThrow())
                .isEqualTo(new Deadline(SlaStep.DISPATCH, T0, T0.plus(Duration.ofHours(24)),
                        T0.plus(Duration.ofMinutes(24 * 60 * 8 / 10))));
        assertThat(policy.deadlineFor(WishStatus.DISPATCHED, Category.OTHER, Optional.empty(), T0).orElseThrow().dueAt())
                .isEqualTo(T0.plus(Duration.ofDays(7)));
        assertThat(policy.deadlineFor(WishStatus.CLOSED, Category.OTHER, Optional.empty(), T0)).isEmpty();
        assertThat(policy.deadlineFor(WishStatus.CANCELLED, Category.OTHER, Optional.empty(), T0)).isEmpty();
    }

    @Test
    void a_category_can_be_more_urgent_and_keeps_the_defaults_it_does_not_override() {
        assertThat(policy.deadlineFor(WishStatus.SUBMITTED, Category.SAFETY, Optional.empty(), T0).orElseThrow().dueAt())
                .isEqualTo(T0.plus(Duration.ofHours(2)));
        assertThat(policy.deadlineFor(WishStatus.DISPATCHED, Category.SAFETY, Optional.empty(), T0).orElseThrow().dueAt())
                .isEqualTo(T0.plus(Duration.ofDays(7)));
    }

    @Test
    void fulfilment_is_due_when_the_resident_wanted_it_if_that_still_lies_ahead() {
        Instant wanted = T0.plus(Duration.ofDays(3));
        assertThat(policy.deadlineFor(WishStatus.CLAIMED, Category.OTHER, Optional.of(wanted), T0).orElseThrow().dueAt())
                .isEqualTo(wanted);
        assertThat(policy.deadlineFor(WishStatus.CLAIMED, Category.OTHER, Optional.of(T0.minusSeconds(1)), T0)
                .orElseThrow().dueAt()).isEqualTo(T0.plus(Duration.ofDays(30)));
    }

    @Test
    void a_timer_reminds_then_escalates_to_the_community_then_to_the_street_then_stops() {
        Deadline deadline = policy.deadlineFor(WishStatus.SUBMITTED, Category.OTHER, Optional.empty(), T0).orElseThrow();
        SlaTimer timer = new SlaTimer(Category.OTHER, deadline, false, EscalationLevel.GRID);

        SlaFiring early = policy.fire(timer, T0.plus(Duration.ofHours(1)));
        assertThat(early.alert()).isEmpty();
        assertThat(early.next()).contains(timer);

        SlaFiring reminder = policy.fire(timer, deadline.remindAt());
        assertThat(reminder.alert()).contains(new SlaAlert(SlaAlert.Kind.REMINDER, SlaStep.DISPATCH, EscalationLevel.GRID,
                deadline.dueAt()));
        assertThat(reminder.breached()).isFalse();
        SlaTimer reminded = reminder.next().orElseThrow();
        assertThat(reminded.nextFireAt()).isEqualTo(deadline.dueAt());
        assertThat(policy.fire(reminded, deadline.dueAt().minusSeconds(1)).alert()).as("a reminder goes out once").isEmpty();

        SlaFiring toCommunity = policy.fire(reminded, deadline.dueAt());
        assertThat(toCommunity.alert()).contains(new SlaAlert(SlaAlert.Kind.ESCALATION, SlaStep.DISPATCH,
                EscalationLevel.COMMUNITY, deadline.dueAt()));
        assertThat(toCommunity.breached()).isTrue();
        SlaTimer atCommunity = toCommunity.next().orElseThrow();
        assertThat(atCommunity.deadline().dueAt()).isEqualTo(deadline.dueAt().plus(Duration.ofDays(2)));

        SlaFiring communityReminder = policy.fire(atCommunity, atCommunity.nextFireAt());
        assertThat(communityReminder.alert().orElseThrow().level()).isEqualTo(EscalationLevel.COMMUNITY);

        SlaFiring toStreet = policy.fire(communityReminder.next().orElseThrow(), atCommunity.deadline().dueAt());
        assertThat(toStreet.alert().orElseThrow().level()).isEqualTo(EscalationLevel.STREET);

        SlaTimer atStreet = toStreet.next().orElseThrow();
        SlaFiring end = policy.fire(new SlaTimer(Category.OTHER, atStreet.deadline(), true, EscalationLevel.STREET),
                atStreet.deadline().dueAt());
        assertThat(end.alert()).as("nobody above the street").isEmpty();
        assertThat(end.next()).isEmpty();
        assertThat(end.breached()).isTrue();
    }

    @Test
    void a_timer_found_past_its_deadline_escalates_without_a_late_reminder() {
        Deadline deadline = policy.deadlineFor(WishStatus.SUBMITTED, Category.OTHER, Optional.empty(), T0).orElseThrow();
        SlaFiring firing = policy.fire(new SlaTimer(Category.OTHER, deadline, false, EscalationLevel.GRID),
                deadline.dueAt().plus(Duration.ofHours(3)));
        assertThat(firing.alert().orElseThrow().kind()).isEqualTo(SlaAlert.Kind.ESCALATION);
    }

    @Test
    void durations_must_be_positive_and_the_reminder_share_a_fraction() {
        SlaPolicy.Deadlines zero = new SlaPolicy.Deadlines(Duration.ZERO, Duration.ofDays(1), Duration.ofDays(1),
                Duration.ofDays(1), Duration.ofDays(1));
        assertThatThrownBy(() -> new SlaPolicy(zero, Map.of(), 0.2)).isInstanceOf(IllegalArgumentException.class);
        SlaPolicy.Deadlines ok = new SlaPolicy.Deadlines(Duration.ofDays(1), Duration.ofDays(1), Duration.ofDays(1),
                Duration.ofDays(1), Duration.ofDays(1));
        assertThatThrownBy(() -> new SlaPolicy(ok, Map.of(), 1.0)).isInstanceOf(IllegalArgumentException.class);
    }
}
