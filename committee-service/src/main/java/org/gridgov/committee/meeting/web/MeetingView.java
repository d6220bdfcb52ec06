package org.gridgov.committee.meeting.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.gridgov.committee.meeting.domain.Meeting;
import org.gridgov.committee.meeting.domain.Motion;

/** A meeting as the API shows it; its motions when one meeting is read. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record MeetingView(UUID id, UUID communityId, UUID gridId, String kind, String title, Instant scheduledAt, String place,
                   List<AgendaEntry> agenda, Invited invitees, List<UUID> present, List<UUID> excused, String minutes,
                   boolean closed, Instant closedAt, List<MotionView> motions) {

    record AgendaEntry(int position, String title, String refKind, UUID refId) {
    }

    record Invited(List<UUID> unitIds, List<UUID> memberIds, List<String> departmentNames) {
    }

    static MeetingView of(Meeting meeting, List<Motion> motions) {
        List<AgendaEntry> agenda = new java.util.ArrayList<>();
        for (int i = 0; i < meeting.agenda().size(); i++) {
            agenda.add(new AgendaEntry(i, meeting.agenda().get(i).title(), meeting.agenda().get(i).refKind().name(),
                    meeting.agenda().get(i).refId()));
        }
        return new MeetingView(meeting.id(), meeting.communityId(), meeting.gridId(), meeting.kind().name(),
                meeting.title(), meeting.scheduledAt(), meeting.place(), agenda,
                new Invited(meeting.invitees().unitIds(), meeting.invitees().memberIds(),
                        meeting.invitees().departmentNames()),
                meeting.present().stream().sorted().toList(), meeting.excused().stream().sorted().toList(),
                meeting.minutes(), meeting.isClosed(), meeting.closedAt(),
                motions == null ? null : motions.stream().map(MotionView::of).toList());
    }
}
