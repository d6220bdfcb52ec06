package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code org.gridgov.meeting.scheduled.v1}: Meeting scheduled. The committee called a meeting of the community
 * (a quarterly joint meeting, a deliberation, a grid briefing, a residents' meeting) and invites these units,
 * party members and functional departments; the notifications deliver it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MeetingScheduled(UUID meetingId, UUID communityId, @Nullable UUID gridId, String kind, String title,
                               Instant scheduledAt, String place, List<UUID> invitedUnitIds,
                               List<UUID> invitedMemberIds, List<String> departmentNames,
                               Instant occurredAt) implements Event {
}
