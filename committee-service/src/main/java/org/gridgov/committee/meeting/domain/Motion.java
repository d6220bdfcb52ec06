package org.gridgov.committee.meeting.domain;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.gridgov.kit.domain.Refusal;

/**
 * A motion put to a meeting on one item of its agenda. Those present vote, each once, and may change their vote
 * until the motion is closed; closing it counts the votes and decides it by the quorum rule of the meeting's kind.
 */
public record Motion(UUID id, UUID meetingId, int agendaItem, String text, Status status, Tally tally,
                     Instant proposedAt, Instant decidedAt) {

    public enum Status { OPEN, PASSED, FAILED }

    public static Motion propose(Meeting meeting, int agendaItem, String text, Instant at) {
        meeting.requireOpen("motions");
        if (agendaItem < 0 || agendaItem >= meeting.agenda().size()) {
            throw Refusal.invalidField("agendaItem", "agendaItem is a position in the meeting's agenda, from 0 to "
                    + (meeting.agenda().size() - 1) + ".");
        }
        return new Motion(UUID.randomUUID(), meeting.id(), agendaItem, text, Status.OPEN, null, at, null);
    }

    /** Checks that the voter may vote now: the motion is open and the voter is present at its meeting. */
    public void admitVote(Meeting meeting, UUID voterId) {
        requireOpen();
        if (!meeting.present().contains(voterId)) {
            throw Refusal.conflict("NOT_AN_ATTENDEE", "Only those present at the meeting vote on its motions.");
        }
    }

    /** Counts the votes of those present (a vote of someone no longer marked present does not count). */
    public Motion close(Meeting meeting, Map<UUID, Choice> votes, QuorumRule rule, Instant at) {
        requireOpen();
        int votesFor = 0;
        int against = 0;
        int abstentions = 0;
        for (Map.Entry<UUID, Choice> vote : votes.entrySet()) {
            if (!meeting.present().contains(vote.getKey())) {
                continue;
            }
            switch (vote.getValue()) {
                case FOR -> votesFor++;
                case AGAINST -> against++;
                case ABSTAIN -> abstentions++;
            }
        }
        Tally counted = new Tally(meeting.invitees().eligible().size(), meeting.present().size(), votesFor, against,
                abstentions);
        return new Motion(id, meetingId, agendaItem, text, rule.passes(counted) ? Status.PASSED : Status.FAILED,
                counted, proposedAt, at);
    }

    private void requireOpen() {
        if (status != Status.OPEN) {
            throw Refusal.conflict("MOTION_CLOSED", "The motion is closed: it was " + status + ".");
        }
    }
}
