package org.gridgov.committee.project.messaging;

import java.util.List;
import java.util.UUID;

import org.gridgov.committee.project.domain.Agreement;
import org.gridgov.committee.project.domain.Grade;
import org.gridgov.committee.project.domain.Milestone;
import org.gridgov.committee.project.domain.Project;
import org.gridgov.committee.project.domain.ProjectStatus;
import org.gridgov.contracts.events.Event;
import org.gridgov.contracts.events.ProjectCancelled;
import org.gridgov.contracts.events.ProjectClaimed;
import org.gridgov.contracts.events.ProjectCompleted;
import org.gridgov.contracts.events.ProjectDeclined;
import org.gridgov.contracts.events.ProjectProgressed;
import org.gridgov.contracts.events.ProjectPublished;
import org.gridgov.contracts.events.ProjectReviewed;
import org.gridgov.contracts.events.ProjectSigned;
import org.gridgov.kit.outbox.Outbox;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Records a project's events ({@code committee.events}, keyed by the project) in the outbox, inside the
 * transaction that made the change. They carry ids, statuses and dates, never a signatory's name.
 */
@Component
public record ProjectEvents(Outbox outbox) {

    public Mono<Void> published(Project project) {
        return append(new ProjectPublished(project.id(), project.communityId(), project.year(), project.status().name(),
                project.unitId(), project.category(), project.needIds(), project.projectListId(), project.updatedAt()));
    }

    /** The reason stays with the committee. */
    public Mono<Void> cancelled(Project project, ProjectStatus previous) {
        return append(new ProjectCancelled(project.id(), project.communityId(), project.year(), project.unitId(),
                previous.name(), project.updatedAt()));
    }

    public Mono<Void> claimed(Project project) {
        return append(new ProjectClaimed(project.id(), project.communityId(), project.year(), project.unitId(),
                project.updatedAt()));
    }

    /** @param unitId the unit that declined: the project no longer names it */
    public Mono<Void> declined(Project project, UUID unitId) {
        return append(new ProjectDeclined(project.id(), project.communityId(), project.year(), unitId,
                project.updatedAt()));
    }

    public Mono<Void> signed(Project project, Agreement agreement) {
        return append(new ProjectSigned(project.id(), project.communityId(), project.year(), project.unitId(),
                agreement.number(), agreement.milestones().stream()
                        .map(m -> new ProjectSigned.Milestone(m.title(), m.dueDate())).toList(),
                project.updatedAt()));
    }

    public Mono<Void> progressed(Project project, Milestone reached) {
        return append(new ProjectProgressed(project.id(), project.communityId(), project.year(), project.unitId(),
                project.percent(), reached == null ? null : reached.title(),
                reached == null ? null : reached.reachedOnTime(), project.updatedAt()));
    }

    public Mono<Void> completed(Project project, List<Milestone> milestones) {
        int onTime = (int) milestones.stream().filter(Milestone::reachedOnTime).count();
        return append(new ProjectCompleted(project.id(), project.communityId(), project.year(), project.unitId(), onTime,
                milestones.size() - onTime, project.updatedAt()));
    }

    public Mono<Void> reviewed(Project project, String quarter, Grade grade) {
        return append(new ProjectReviewed(project.id(), project.communityId(), project.year(), project.unitId(), quarter,
                grade.name(), project.status() == ProjectStatus.REVIEWED_FINAL, project.updatedAt()));
    }

    private Mono<Void> append(Event event) {
        return outbox.append(event).then();
    }
}
