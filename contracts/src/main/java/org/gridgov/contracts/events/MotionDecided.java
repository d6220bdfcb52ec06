package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code org.gridgov.motion.decided.v1}: Motion decided. A motion of a meeting was closed and passed or failed
 * by the quorum rule of the meeting's kind; the tally is the one stored with the motion.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MotionDecided(UUID meetingId, UUID motionId, UUID communityId, String kind, String outcome,
                            int eligible, int present, int votesFor, int votesAgainst, int abstentions,
                            Instant occurredAt) implements Event {
}
