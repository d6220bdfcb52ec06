package org.gridgov.committee.project.messaging;

import java.util.List;
import java.util.UUID;

import org.gridgov.committee.project.domain.Agreement;
import org.gridgov.committee.project.domain.Grade;
import org.gridgov.committee.project.domain.Milestone;
import org.gridgov.committee.project.domain.Project;
import org.gridgov.committee.project.domain.ProjectStatus;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.gridgov.contracts.EventType;
import org.gridgov.kit.outbox.Outbox;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Records a project's events ({@code committee.events}, keyed by the project) in the outbox, inside the
 * transaction that made the change. They carry ids, statuses and dates, never a signatory's name.
 */
@Component
public class ProjectEvents {

    private final Outbox outbox;

    ProjectEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Published(String projectId, String communityId, int year, String status, String unitId, String category,
                     List<String> needIds, String projectListId, String occurredAt) {
    }

    record Fact(String projectId, String communityId, int year, String unitId, String occurredAt) {
    }

    record Signed(String projectId, String communityId, int year, String unitId, String agreementNumber,
                  List<SignedMilestone> milestones, String occurredAt) {
    }

    record SignedMilestone(String title, String dueDate) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Progressed(String projectId, String communityId, int year, String unitId, int percent, String milestone,
                      Boolean milestoneOnTime, String occurredAt) {
    }

    record Completed(String projectId, String communityId, int year, String unitId, int milestonesOnTime,
                     int milestonesLate, String occurredAt) {
    }

    record Reviewed(String projectId, String communityId, int year, String unitId, String quarter, String grade,
                    boolean closed, String occurredAt) {
    }

    public Mono<Void> published(Project project) {
        return append(EventType.PROJECT_PUBLISHED, project, new Published(id(project), project.communityId().toString(),
                project.year(), project.status().name(), text(project.unitId()), project.category().name(),
                project.needIds().stream().map(UUID::toString).toList(), text(project.projectListId()),
                project.updatedAt().toString()));
    }

    public Mono<Void> claimed(Project project) {
        return append(EventType.PROJECT_CLAIMED, project, fact(project, project.unitId()));
    }

    public Mono<Void> declined(Project before, Project after) {
        return append(EventType.PROJECT_DECLINED, after, fact(after, before.unitId()));
    }

    public Mono<Void> signed(Project project, Agreement agreement) {
        return append(EventType.PROJECT_SIGNED, project, new Signed(id(project), project.communityId().toString(),
                project.year(), project.unitId().toString(), agreement.number(),
                agreement.milestones().stream().map(m -> new SignedMilestone(m.title(), m.dueDate().toString())).toList(),
                project.updatedAt().toString()));
    }

    public Mono<Void> progressed(Project project, Milestone reached) {
        return append(EventType.PROJECT_PROGRESSED, project, new Progressed(id(project), project.communityId().toString(),
                project.year(), project.unitId().toString(), project.percent(),
                reached == null ? null : reached.title(), reached == null ? null : reached.reachedOnTime(),
                project.updatedAt().toString()));
    }

    public Mono<Void> completed(Project project, List<Milestone> milestones) {
        int onTime = (int) milestones.stream().filter(Milestone::reachedOnTime).count();
        return append(EventType.PROJECT_COMPLETED, project, new Completed(id(project), project.communityId().toString(),
                project.year(), project.unitId().toString(), onTime, milestones.size() - onTime,
                project.updatedAt().toString()));
    }

    public Mono<Void> reviewed(Project project, String quarter, Grade grade) {
        return append(EventType.PROJECT_REVIEWED, project, new Reviewed(id(project), project.communityId().toString(),
                project.year(), project.unitId().toString(), quarter, grade.name(),
                project.status() == ProjectStatus.REVIEWED_FINAL,
                project.updatedAt().toString()));
    }

    private Mono<Void> append(EventType type, Project project, Object data) {
        return outbox.append(type, project.id().toString(), data).then();
    }

    private static Fact fact(Project project, UUID unitId) {
        return new Fact(id(project), project.communityId().toString(), project.year(), unitId.toString(),
                project.updatedAt().toString());
    }

    private static String id(Project project) {
        return project.id().toString();
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }
}
