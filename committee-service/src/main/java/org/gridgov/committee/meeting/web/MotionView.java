package org.gridgov.committee.meeting.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.gridgov.committee.meeting.domain.Motion;
import org.gridgov.committee.meeting.domain.Tally;

/** A motion and, once decided, its tally; its votes when they are asked for. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record MotionView(UUID id, UUID meetingId, int agendaItem, String text, String status, Tally tally,
                  Instant proposedAt, Instant decidedAt, List<Vote> votes) {

    record Vote(UUID voterId, String choice) {
    }

    static MotionView of(Motion motion) {
        return of(motion, null);
    }

    static MotionView of(Motion motion, List<Vote> votes) {
        return new MotionView(motion.id(), motion.meetingId(), motion.agendaItem(), motion.text(), motion.status().name(),
                motion.tally(), motion.proposedAt(), motion.decidedAt(), votes);
    }
}
