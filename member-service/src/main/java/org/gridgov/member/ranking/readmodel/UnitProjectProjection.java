package org.gridgov.member.ranking.readmodel;

import java.util.List;
import java.util.UUID;

import org.gridgov.contracts.events.MeetingClosed;
import org.gridgov.contracts.events.ProjectDeclined;
import org.gridgov.contracts.events.ProjectMilestoneOverdue;
import org.gridgov.contracts.events.ProjectProgressed;
import org.gridgov.contracts.events.ProjectReviewed;
import org.gridgov.contracts.events.ProjectSigned;
import org.gridgov.kit.inbox.EventSubscriber;
import org.gridgov.kit.inbox.TypedEventHandler;
import org.gridgov.member.ranking.persistence.UnitRecordStore;
import org.gridgov.member.ranking.persistence.UnitRecordStore.ProjectFact;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Writes each unit's record of the Grand Party Committee's projects from {@code committee.events}:
 * agreements signed, projects declined, milestones reached on time or late, reminders and escalations
 * of late milestones (督办), and review grades; and their attendance at the joint meetings (联席会议) when one
 * closes. Each event is applied once (the kit's inbox); a fact is also keyed by what it records, so a re-published
 * event adds nothing.
 */
@Component
record UnitProjectProjection(UnitRecordStore record) implements EventSubscriber {

    @Override
    public TypedEventHandler handlers() {
        return TypedEventHandler.named("unit-project-record")
                .on(ProjectSigned.class, signed -> record.projectFact(new ProjectFact(signed.projectId(), signed.unitId(),
                        signed.communityId(), "SIGNED", null, null, signed.occurredAt())))
                .on(ProjectDeclined.class, declined -> record.projectFact(new ProjectFact(declined.projectId(), declined.unitId(),
                        declined.communityId(), "DECLINED", null, null, declined.occurredAt())))
                .on(ProjectProgressed.class, this::progressed)
                .on(ProjectMilestoneOverdue.class, overdue -> record.projectFact(new ProjectFact(overdue.projectId(),
                        overdue.unitId(), overdue.communityId(), overdue.level().name(), null, null, overdue.occurredAt())))
                .on(MeetingClosed.class, this::closed)
                .on(ProjectReviewed.class, reviewed -> record.projectFact(new ProjectFact(reviewed.projectId(), reviewed.unitId(),
                        reviewed.communityId(), "REVIEWED", reviewed.quarter(), reviewed.grade(), reviewed.occurredAt())));
    }

    /** Only a joint meeting (联席会议) counts for the list: who came, who was excused, who stayed away. */
    private Mono<Void> closed(MeetingClosed closed) {
        if (!"JOINT".equals(closed.kind())) {
            return Mono.empty();
        }
        return Flux.concat(
                        attendance(closed, closed.presentUnitIds(), "PRESENT"),
                        attendance(closed, closed.excusedUnitIds(), "EXCUSED"),
                        attendance(closed, closed.absentUnitIds(), "ABSENT"))
                .then();
    }

    private Flux<Void> attendance(MeetingClosed closed, List<UUID> units, String attendance) {
        return Flux.fromIterable(units == null ? List.of() : units).concatMap(unit -> record.meetingAttendance(
                closed.meetingId(), unit, closed.communityId(), attendance, closed.occurredAt()));
    }

    /** Only a report that reached a milestone says something about keeping to the agreement. */
    private Mono<Void> progressed(ProjectProgressed progressed) {
        if (progressed.milestone() == null || progressed.milestoneOnTime() == null) {
            return Mono.empty();
        }
        return record.projectFact(new ProjectFact(progressed.projectId(), progressed.unitId(), progressed.communityId(),
                progressed.milestoneOnTime() ? "MILESTONE_ON_TIME" : "MILESTONE_LATE", null, null, progressed.occurredAt()));
    }
}
