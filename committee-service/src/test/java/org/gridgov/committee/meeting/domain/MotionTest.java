package org.gridgov.committee.meeting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridgov.kit.domain.Refusal;
import org.junit.jupiter.api.Test;

class MotionTest {

    private static final Instant AT = Instant.parse("2026-06-20T02:00:00Z");
    private final UUID a = UUID.randomUUID();
    private final UUID b = UUID.randomUUID();
    private final UUID c = UUID.randomUUID();
    private final UUID d = UUID.randomUUID();

    private Meeting meeting(List<UUID> present) {
        return Meeting.schedule(UUID.randomUUID(), null, MeetingKind.JOINT, "联席会议", AT, "会议室",
                        List.of(new AgendaItem("议题", AgendaItem.Ref.OTHER, null)),
                        new Invitees(List.of(a, b, c), List.of(d), List.of()), "admin", AT)
                .recordAttendance(present, List.of());
    }

    @Test
    void passes_with_more_than_half_present_and_more_than_half_of_them_for() {
        Meeting meeting = meeting(List.of(a, b, c));
        Motion motion = Motion.propose(meeting, 0, "同意", AT);

        Motion decided = motion.close(meeting, Map.of(a, Choice.FOR, b, Choice.FOR, c, Choice.AGAINST),
                QuorumRule.HALF_AND_HALF, AT);

        assertThat(decided.status()).isEqualTo(Motion.Status.PASSED);
        assertThat(decided.tally()).isEqualTo(new Tally(4, 3, 2, 1, 0));
    }

    @Test
    void half_of_those_present_for_is_not_enough_and_abstentions_count_as_present() {
        Meeting meeting = meeting(List.of(a, b, c, d));
        Motion motion = Motion.propose(meeting, 0, "同意", AT);

        Motion decided = motion.close(meeting, Map.of(a, Choice.FOR, b, Choice.FOR, c, Choice.ABSTAIN),
                QuorumRule.HALF_AND_HALF, AT);

        assertThat(decided.status()).isEqualTo(Motion.Status.FAILED);
        assertThat(decided.tally()).isEqualTo(new Tally(4, 4, 2, 0, 1));
    }

    @Test
    void exactly_half_present_is_no_quorum() {
        Meeting meeting = meeting(List.of(a, b));

        Motion decided = Motion.propose(meeting, 0, "同意", AT)
                .close(meeting, Map.of(a, Choice.FOR, b, Choice.FOR), QuorumRule.HALF_AND_HALF, AT);

        assertThat(decided.status()).isEqualTo(Motion.Status.FAILED);
    }

    @Test
    void a_kind_may_ask_for_two_thirds() {
        Meeting meeting = meeting(List.of(a, b, c));

        Motion decided = Motion.propose(meeting, 0, "同意", AT)
                .close(meeting, Map.of(a, Choice.FOR, b, Choice.FOR, c, Choice.AGAINST), new QuorumRule(0.5, 0.7), AT);

        assertThat(decided.status()).isEqualTo(Motion.Status.FAILED);
    }

    @Test
    void only_those_present_vote_and_a_decided_motion_takes_no_votes() {
        Meeting meeting = meeting(List.of(a, b, c));
        Motion motion = Motion.propose(meeting, 0, "同意", AT);

        assertThatThrownBy(() -> motion.admitVote(meeting, d)).isInstanceOf(Refusal.class)
                .extracting(e -> ((Refusal) e).code()).isEqualTo("NOT_AN_ATTENDEE");
        Motion decided = motion.close(meeting, Map.of(), QuorumRule.HALF_AND_HALF, AT);
        assertThatThrownBy(() -> decided.admitVote(meeting, a)).isInstanceOf(Refusal.class)
                .extracting(e -> ((Refusal) e).kind()).isEqualTo(Refusal.Kind.CONFLICT);
    }

    @Test
    void a_motion_is_on_an_item_of_the_agenda_and_a_closed_meeting_takes_none() {
        Meeting meeting = meeting(List.of(a));

        assertThatThrownBy(() -> Motion.propose(meeting, 1, "同意", AT)).isInstanceOf(Refusal.class)
                .extracting(e -> ((Refusal) e).field()).isEqualTo("agendaItem");
        assertThatThrownBy(() -> Motion.propose(meeting.close(AT), 0, "同意", AT)).isInstanceOf(Refusal.class)
                .extracting(e -> ((Refusal) e).code()).isEqualTo("MEETING_CLOSED");
    }

    @Test
    void attendance_names_only_invitees_and_nobody_both_present_and_excused() {
        Meeting meeting = meeting(List.of());

        assertThatThrownBy(() -> meeting.recordAttendance(List.of(a, UUID.randomUUID()), List.of()))
                .extracting(e -> ((Refusal) e).field()).isEqualTo("present[1]");
        assertThatThrownBy(() -> meeting.recordAttendance(List.of(a), List.of(b, a)))
                .extracting(e -> ((Refusal) e).field()).isEqualTo("excused[1]");
        assertThat(meeting.recordAttendance(List.of(a), List.of(b)).absentUnits()).containsExactly(c);
    }
}
