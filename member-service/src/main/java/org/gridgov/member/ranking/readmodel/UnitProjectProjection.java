package org.gridgov.member.ranking.readmodel;

import org.gridgov.contracts.events.ProjectDeclined;
import org.gridgov.contracts.events.ProjectMilestoneOverdue;
import org.gridgov.contracts.events.ProjectProgressed;
import org.gridgov.contracts.events.ProjectReviewed;
import org.gridgov.contracts.events.ProjectSigned;
import org.gridgov.kit.inbox.TypedEventHandler;
import org.gridgov.member.ranking.persistence.UnitRecordStore;
import org.gridgov.member.ranking.persistence.UnitRecordStore.ProjectFact;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Writes each unit's record of the Grand Party Committee's projects from {@code committee.events}:
 * agreements signed, projects declined, milestones reached on time or late, reminders and escalations
 * of late milestones (督办), and review grades. Each event is applied once (the kit's inbox); a fact is
 * also keyed by what it records, so a re-published event adds nothing.
 */
@Component
class UnitProjectProjection extends TypedEventHandler {

    private final UnitRecordStore record;

    UnitProjectProjection(UnitRecordStore record) {
        super("unit-project-record");
        this.record = record;
        on(ProjectSigned.class, signed -> record.projectFact(new ProjectFact(signed.projectId(), signed.unitId(),
                signed.communityId(), "SIGNED", null, null, signed.occurredAt())));
        on(ProjectDeclined.class, declined -> record.projectFact(new ProjectFact(declined.projectId(), declined.unitId(),
                declined.communityId(), "DECLINED", null, null, declined.occurredAt())));
        on(ProjectProgressed.class, this::progressed);
        on(ProjectMilestoneOverdue.class, overdue -> record.projectFact(new ProjectFact(overdue.projectId(),
                overdue.unitId(), overdue.communityId(), overdue.level().name(), null, null, overdue.occurredAt())));
        on(ProjectReviewed.class, reviewed -> record.projectFact(new ProjectFact(reviewed.projectId(), reviewed.unitId(),
                reviewed.communityId(), "REVIEWED", reviewed.quarter(), reviewed.grade(), reviewed.occurredAt())));
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
