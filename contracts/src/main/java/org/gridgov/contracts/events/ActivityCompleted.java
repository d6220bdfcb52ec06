package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code org.gridgov.activity.completed.v1}: Joint activity completed (活动联办). Each participant checked in earns the
 * activity's service hours and points, once (member-service credits them).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActivityCompleted(UUID activityId, UUID communityId, String title, double hours, int points,
                                List<Participant> participants, Instant occurredAt) implements Event {

    /** Who took part: a party member or a volunteer, by the id their token's {@code member} claim carries. */
    public record Participant(String kind, UUID personId) {
    }
}
