package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code org.gridgov.meeting.closed.v1}: Meeting closed. Its minutes are final; the invited units that came, were
 * excused or stayed away without excuse (what a unit's red/black-list review and year-end assessment may weigh).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MeetingClosed(UUID meetingId, UUID communityId, String kind, List<UUID> presentUnitIds,
                            List<UUID> excusedUnitIds, List<UUID> absentUnitIds, int motionsPassed,
                            int motionsFailed, Instant occurredAt) implements Event {
}
