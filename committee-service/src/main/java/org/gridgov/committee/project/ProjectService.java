package org.gridgov.committee.project;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.gridgov.committee.access.CommunityAccess;
import org.gridgov.committee.deliberation.DeliberationService;
import org.gridgov.committee.project.domain.Agreement;
import org.gridgov.committee.project.domain.Grade;
import org.gridgov.committee.project.domain.Milestone;
import org.gridgov.committee.project.domain.Project;
import org.gridgov.committee.project.messaging.ProjectEvents;
import org.gridgov.committee.project.persistence.AgreementStore.ProgressReport;
import org.gridgov.committee.project.persistence.AgreementStore;
import org.gridgov.committee.project.persistence.ProjectStore;
import org.gridgov.committee.project.persistence.ReviewStore;
import org.gridgov.contracts.Category;
import org.gridgov.kit.domain.Quarter;
import org.gridgov.kit.domain.Refusal;
import org.gridgov.kit.jurisdiction.GridNode;
import org.gridgov.kit.jurisdiction.GridTree;
import org.gridgov.kit.security.Caller;
import org.gridgov.kit.web.FieldError;
import org.gridgov.kit.web.ProblemException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The commands of a project's life, each checked against the caller's role and community and run in
 * the caller's transaction (the controller's idempotent command), with its event in the outbox.
 */
@Service
public class ProjectService {

    private final ProjectStore projects;
    private final AgreementStore agreements;
    private final ReviewStore reviews;
    private final ProjectEvents events;
    private final CommunityAccess access;
    private final DeliberationService deliberations;
    private final GridTree gridTree;
    private final Clock clock;
    private final int defaultQuota;

    ProjectService(ProjectStore projects, AgreementStore agreements, ReviewStore reviews, ProjectEvents events,
                   CommunityAccess access, DeliberationService deliberations, GridTree gridTree, Clock clock,
                   @Value("${gridgov.committee.default-unit-quota:2}") int defaultQuota) {
        this.projects = projects;
        this.agreements = agreements;
        this.reviews = reviews;
        this.events = events;
        this.access = access;
        this.deliberations = deliberations;
        this.gridTree = gridTree;
        this.clock = clock;
        this.defaultQuota = defaultQuota;
    }

    /** A project the caller may see; 404 for one that does not exist or lies outside the caller's community. */
    public Mono<Project> visible(UUID id, Caller caller) {
        return projects.find(id)
                .filterWhen(project -> access.canRead(caller, project.communityId()))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("project", id)));
    }

    /**
     * A project an admin puts on the opportunity list; with {@code deliberationId}, one that carries out that
     * deliberation's resolution (四议两公开), whose completion is then its implementation result.
     */
    public Mono<Project> create(UUID communityId, int year, String title, Category category, String description,
                                List<UUID> needIds, UUID deliberationId, Caller caller) {
        return access.requireAdminOf(caller, communityId)
                .then(deliberationId == null ? Mono.empty() : deliberations.resolutionFor(deliberationId, communityId))
                .then(Mono.fromCallable(() -> Project.open(communityId, year, title, category, description, needIds,
                        null, clock.instant())))
                .flatMap(project -> projects.insert(project)
                        .then(deliberationId == null ? Mono.empty() : deliberations.link(deliberationId, project.id()))
                        .then(events.published(project)).thenReturn(project));
    }

    /** 揭榜: the first unit wins; a unit already holding its quota for the year is refused. */
    public Mono<Project> claim(UUID id, Caller caller) {
        return visible(id, caller).flatMap(seen -> access.requireUnitIn(caller, seen.communityId())
                .flatMap(unit -> projects.lockQuota(unit, seen.year(), defaultQuota)
                        .zipWith(projects.heldBy(unit, seen.year()))
                        .flatMap(quota -> quota.getT2() >= quota.getT1()
                                ? Mono.error(Refusal.conflict("Your unit already holds its quota of "
                                        + quota.getT1() + " projects for " + seen.year() + "."))
                                : projects.findForUpdate(id))
                        .map(project -> project.claim(unit, clock.instant()))
                        .flatMap(projects::update)
                        .flatMap(claimed -> events.claimed(claimed).thenReturn(claimed))));
    }

    public Mono<Project> decline(UUID id, String reason, Caller caller) {
        if (reason == null || reason.isBlank()) {
            return Mono.error(Refusal.invalidField("reason", "Say why the unit declines."));
        }
        return unitCommand(id, caller, (project, unit) -> {
            Project declined = project.decline(unit, clock.instant());
            return projects.update(declined)
                    .then(projects.recordDecline(id, unit, reason.strip(), declined.updatedAt()))
                    .then(events.declined(declined, unit))
                    .thenReturn(declined);
        });
    }

    public record Signing(String signatory, String commitments, List<Milestone> milestones) {
    }

    public Mono<Agreement> sign(UUID id, Signing signing, Caller caller) {
        return unitCommand(id, caller, (project, unit) -> {
            Project signed = project.sign(unit, clock.instant());
            Agreement draft = Agreement.draft(project, unit, signing.signatory(), signing.commitments(),
                    signing.milestones(), signed.updatedAt());
            return projects.update(signed)
                    .then(agreements.insert(draft, project.communityId(), project.year()))
                    .flatMap(agreement -> events.signed(signed, agreement).thenReturn(agreement));
        });
    }

    public record Progress(String milestone, String note, int percent, String evidenceUrl) {
    }

    public Mono<Project> progress(UUID id, Progress progress, Caller caller) {
        if (progress.note() == null || progress.note().isBlank()) {
            return Mono.error(Refusal.invalidField("note", "A progress report says what was done."));
        }
        return unitCommand(id, caller, (project, unit) -> {
            Project progressed = project.progress(unit, progress.percent(), clock.instant());
            Mono<Milestone> reached = progress.milestone() == null ? Mono.empty()
                    : agreements.reach(id, progress.milestone(), progressed.updatedAt())
                            .switchIfEmpty(Mono.error(() -> Refusal.invalidField("milestone",
                                    "The agreement has no milestone of that title.")));
            return reached.map(Optional::of).defaultIfEmpty(Optional.empty())
                    .flatMap(milestone -> projects.update(progressed)
                            .then(agreements.report(id, new ProgressReport(UUID.randomUUID(), progress.milestone(),
                                    progress.note().strip(), progress.percent(), progress.evidenceUrl(),
                                    progressed.updatedAt())))
                            .then(events.progressed(progressed, milestone.orElse(null))))
                    .thenReturn(progressed);
        });
    }

    public Mono<Project> complete(UUID id, Caller caller) {
        return unitCommand(id, caller, (project, unit) -> {
            Project completed = project.complete(unit, clock.instant());
            return projects.update(completed)
                    .then(agreements.find(id))
                    .flatMap(agreement -> events.completed(completed, agreement.milestones()))
                    .then(deliberations.projectCompleted(id))
                    .thenReturn(completed);
        });
    }

    public Mono<Project> review(UUID id, String quarterText, Grade grade, String comment, Caller caller) {
        if (grade == null) {
            return Mono.error(Refusal.invalidField("grade", "grade is one of EXCELLENT, GOOD, FAIR, POOR."));
        }
        return Mono.fromCallable(() -> Quarter.parse(quarterText))
                .flatMap(quarter -> visible(id, caller)
                        .flatMap(seen -> access.requireAdminOf(caller, seen.communityId()))
                        .then(projects.findForUpdate(id))
                        .map(project -> project.review(clock.instant()))
                        .flatMap(reviewed -> reviews.insert(id, new ReviewStore.Review(quarter.toString(), grade,
                                        comment, caller.subject(), reviewed.updatedAt()))
                                .then(projects.update(reviewed))
                                .flatMap(stored -> events.reviewed(stored, quarter.toString(), grade).thenReturn(stored))));
    }

    /** An admin of the community (its street's, the district's) cancels the project, with the reason. */
    public Mono<Project> cancel(UUID id, String reason, Caller caller) {
        return visible(id, caller)
                .flatMap(seen -> access.requireAdminOf(caller, seen.communityId()))
                .then(projects.findForUpdate(id))
                .flatMap(project -> Mono.fromCallable(() -> project.cancel(reason, clock.instant()))
                        .flatMap(projects::update)
                        .flatMap(cancelled -> events.cancelled(cancelled, project.status()).thenReturn(cancelled)));
    }

    /**
     * The claim agreement to print, with what the document names besides ids: the signatory as the caller may see it
     * (in full for the committee's admins and the unit itself, masked for everyone else, as the JSON document).
     */
    public record Printable(Project project, Agreement agreement, String signatory, String community, String unit) {
    }

    public Mono<Printable> printable(UUID id, Caller caller) {
        return visible(id, caller).flatMap(project -> agreements.find(id)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("agreement of project", id)))
                .flatMap(agreement -> Mono.zip(access.isAdminOf(caller, project.communityId()),
                                gridTree.find(project.communityId()).map(GridNode::name)
                                        .defaultIfEmpty(project.communityId().toString()),
                                agreements.unitName(agreement.unitId()))
                        .map(found -> new Printable(project, agreement,
                                found.getT1() || caller.unit().map(agreement.unitId().toString()::equals).orElse(false)
                                        ? agreement.signatory() : agreement.maskedSignatory(),
                                found.getT2(), found.getT3()))));
    }

    /** Raises (or lowers) a unit's quota of projects for a year. */
    public Mono<Void> setQuota(UUID communityId, UUID unitId, int year, int quota, Caller caller) {
        return access.requireAdminOf(caller, communityId)
                .then(access.isMember(unitId, communityId))
                .flatMap(member -> member ? projects.setQuota(unitId, year, quota)
                        : Mono.error(ProblemException.unknownReferences(List.of(new FieldError("unitId",
                                "no member unit of this community's committee has this id")))));
    }

    private interface UnitCommand<T> {
        Mono<T> apply(Project lockedProject, UUID unit);
    }

    private <T> Mono<T> unitCommand(UUID id, Caller caller, UnitCommand<T> command) {
        return visible(id, caller)
                .flatMap(seen -> access.requireUnitIn(caller, seen.communityId()))
                .flatMap(unit -> projects.findForUpdate(id).flatMap(project -> command.apply(project, unit)));
    }
}
