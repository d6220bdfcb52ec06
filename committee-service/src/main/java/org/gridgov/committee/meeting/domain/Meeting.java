package org.gridgov.committee.meeting.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.gridgov.kit.domain.Refusal;

/**
 * A meeting of the community: its agenda and invitees, who came and who was excused, its minutes. Closing it
 * makes the record final: attendance, minutes and motions change no more.
 */
public record Meeting(UUID id, UUID communityId, UUID gridId, MeetingKind kind, String title, Instant scheduledAt,
                      String place, List<AgendaItem> agenda, Invitees invitees, Set<UUID> present, Set<UUID> excused,
                      String minutes, Instant closedAt, String organisedBy, Instant createdAt, int revision) {

    public Meeting {
        agenda = List.copyOf(agenda);
        present = Set.copyOf(present);
        excused = Set.copyOf(excused);
    }

    public static Meeting schedule(UUID communityId, UUID gridId, MeetingKind kind, String title, Instant scheduledAt,
                                   String place, List<AgendaItem> agenda, Invitees invitees, String organisedBy,
                                   Instant at) {
        if (kind == MeetingKind.GRID_BRIEFING && gridId == null) {
            throw Refusal.invalidField("gridId", "A grid briefing names its grid.");
        }
        return new Meeting(UUID.randomUUID(), communityId, gridId, kind, title, scheduledAt, place, agenda, invitees,
                Set.of(), Set.of(), null, null, organisedBy, at, 0);
    }

    public boolean isClosed() {
        return closedAt != null;
    }

    /** Replaces the attendance: each id an invited unit or party member, nobody both present and excused. */
    public Meeting recordAttendance(List<UUID> presentIds, List<UUID> excusedIds) {
        requireOpen("attendance");
        Set<UUID> eligible = invitees.eligible();
        checkInvited("present", presentIds, eligible);
        checkInvited("excused", excusedIds, eligible);
        for (int i = 0; i < excusedIds.size(); i++) {
            if (presentIds.contains(excusedIds.get(i))) {
                throw Refusal.invalidField("excused[" + i + "]", "Someone present is not also excused.");
            }
        }
        return new Meeting(id, communityId, gridId, kind, title, scheduledAt, place, agenda, invitees,
                new LinkedHashSet<>(presentIds), new LinkedHashSet<>(excusedIds), minutes, closedAt, organisedBy,
                createdAt, revision + 1);
    }

    private static void checkInvited(String field, List<UUID> ids, Set<UUID> eligible) {
        for (int i = 0; i < ids.size(); i++) {
            if (!eligible.contains(ids.get(i))) {
                throw Refusal.invalidField(field + "[" + i + "]", "Not an invited unit or party member of this meeting.");
            }
        }
    }

    public Meeting writeMinutes(String text) {
        requireOpen("minutes");
        return new Meeting(id, communityId, gridId, kind, title, scheduledAt, place, agenda, invitees, present, excused,
                text, closedAt, organisedBy, createdAt, revision + 1);
    }

    public Meeting close(Instant at) {
        requireOpen("record");
        return new Meeting(id, communityId, gridId, kind, title, scheduledAt, place, agenda, invitees, present, excused,
                minutes, at, organisedBy, createdAt, revision + 1);
    }

    /** The invited units neither present nor excused. */
    public List<UUID> absentUnits() {
        List<UUID> absent = new ArrayList<>(invitees.unitIds());
        absent.removeIf(unit -> present.contains(unit) || excused.contains(unit));
        return absent;
    }

    public void requireOpen(String what) {
        if (isClosed()) {
            throw Refusal.conflict("MEETING_CLOSED", "The meeting is closed: its " + what + " can no longer change.");
        }
    }
}
