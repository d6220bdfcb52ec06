package org.gridgov.committee.project.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.gridgov.committee.access.CommunityAccess;
import org.gridgov.committee.project.ProjectService;
import org.gridgov.committee.project.domain.Agreement;
import org.gridgov.committee.project.domain.Grade;
import org.gridgov.committee.project.domain.Milestone;
import org.gridgov.committee.project.domain.ProjectStatus;
import org.gridgov.committee.project.persistence.AgreementStore;
import org.gridgov.committee.project.persistence.ProjectStore;
import org.gridgov.committee.project.persistence.ReviewStore;
import org.gridgov.contracts.Category;
import org.gridgov.kit.data.Idempotency;
import org.gridgov.kit.security.Caller;
import org.gridgov.kit.web.ProblemException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A community's projects: admins add them by hand and review them; its member units claim them off the
 * opportunity list (揭榜), sign the claim agreement, report progress and completion; everyone in the
 * community reads them.
 */
@RestController
@RequestMapping(path = "/api/projects", produces = "application/json")
class ProjectController {

    private final ProjectService service;
    private final ProjectStore projects;
    private final AgreementStore agreements;
    private final ReviewStore reviews;
    private final CommunityAccess access;
    private final Idempotency idempotency;

    ProjectController(ProjectService service, ProjectStore projects, AgreementStore agreements, ReviewStore reviews,
                      CommunityAccess access, Idempotency idempotency) {
        this.service = service;
        this.projects = projects;
        this.agreements = agreements;
        this.reviews = reviews;
        this.access = access;
        this.idempotency = idempotency;
    }

    record CreateRequest(@NotNull UUID communityId, @NotNull @Min(2000) @Max(2100) Integer year,
                         @NotBlank @Size(max = 200) String title, @NotNull Category category,
                         @Size(max = 4000) String description, @Size(max = 50) List<@NotNull UUID> needIds,
                         UUID deliberationId) {
    }

    @PostMapping
    Mono<ResponseEntity<ProjectView>> create(@Valid @RequestBody CreateRequest request,
                                             @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                             @AuthenticationPrincipal Caller caller) {
        return idempotency.created(key, caller, "POST /api/projects " + request, ProjectView.class,
                () -> service.create(request.communityId(), request.year(), request.title(), request.category(),
                                request.description(), request.needIds() == null ? List.of() : request.needIds(),
                                request.deliberationId(), caller)
                        .map(ProjectView::of),
                view -> "/api/projects/" + view.id());
    }

    /** The community's projects of the year, optionally of one status. */
    @GetMapping
    Mono<List<ProjectView>> list(@RequestParam UUID community, @RequestParam @Min(2000) @Max(2100) int year,
                                 @RequestParam(required = false) ProjectStatus status,
                                 @AuthenticationPrincipal Caller caller) {
        return inCommunity(community, year, status == null ? List.of(ProjectStatus.values()) : List.of(status), caller);
    }

    /** The opportunity list (机会清单): the community's OPEN projects of the year, for its units to claim. */
    @GetMapping("/opportunities")
    Mono<List<ProjectView>> opportunities(@RequestParam UUID community, @RequestParam @Min(2000) @Max(2100) int year,
                                          @AuthenticationPrincipal Caller caller) {
        return inCommunity(community, year, List.of(ProjectStatus.OPEN), caller);
    }

    private Mono<List<ProjectView>> inCommunity(UUID community, int year, List<ProjectStatus> statuses, Caller caller) {
        return access.canRead(caller, community)
                .flatMap(allowed -> allowed ? projects.inCommunity(community, year, statuses).map(ProjectView::of).collectList()
                        : Mono.error(ProblemException.forbidden("Only those in this community read its projects.")));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getProject", summary = "A project of the committee")
    Mono<ProjectView> find(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        return service.visible(id, caller).map(ProjectView::of);
    }

    @PostMapping("/{id}/claim")
    Mono<ResponseEntity<ProjectView>> claim(@PathVariable UUID id,
                                            @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                            @AuthenticationPrincipal Caller caller) {
        return idempotency.ok(key, caller, "POST /api/projects/" + id + "/claim", ProjectView.class,
                () -> service.claim(id, caller).map(ProjectView::of));
    }

    record DeclineRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    @PostMapping("/{id}/decline")
    Mono<ResponseEntity<ProjectView>> decline(@PathVariable UUID id, @Valid @RequestBody DeclineRequest request,
                                              @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                              @AuthenticationPrincipal Caller caller) {
        return idempotency.ok(key, caller, "POST /api/projects/" + id + "/decline " + request, ProjectView.class,
                () -> service.decline(id, request.reason(), caller).map(ProjectView::of));
    }

    record MilestoneRequest(@NotBlank @Size(max = 200) String title, @NotNull LocalDate dueDate) {
    }

    record AgreementRequest(@NotBlank @Size(max = 100) String signatory, @NotBlank @Size(max = 4000) String commitments,
                            @NotEmpty @Size(max = Agreement.MAX_MILESTONES) List<@Valid @NotNull MilestoneRequest> milestones) {
    }

    /** The claim agreement as a document; the signatory's name only for the committee's admins and the unit itself. */
    record AgreementView(UUID projectId, String number, UUID communityId, int year, String title, UUID unitId,
                         String signatory, boolean signatoryMasked, String commitments, List<MilestoneView> milestones,
                         Instant signedAt) {
    }

    record MilestoneView(String title, LocalDate dueDate, Instant reachedAt) {
    }

    @PostMapping("/{id}/agreement")
    Mono<ResponseEntity<AgreementView>> sign(@PathVariable UUID id, @Valid @RequestBody AgreementRequest request,
                                             @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                             @AuthenticationPrincipal Caller caller) {
        ProjectService.Signing signing = new ProjectService.Signing(request.signatory(), request.commitments(),
                request.milestones().stream().map(m -> new Milestone(m.title(), m.dueDate(), null)).toList());
        return idempotency.created(key, caller, "POST /api/projects/" + id + "/agreement " + request, AgreementView.class,
                () -> service.sign(id, signing, caller)
                        .flatMap(agreement -> service.visible(id, caller)
                                .map(project -> view(agreement, project.communityId(), project.year(), project.title(), false))),
                view -> "/api/projects/" + id + "/agreement");
    }

    @GetMapping("/{id}/agreement")
    Mono<AgreementView> agreement(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        return service.visible(id, caller).flatMap(project -> agreements.find(id)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("agreement of project", id)))
                .flatMap(agreement -> access.isAdminOf(caller, project.communityId())
                        .map(admin -> view(agreement, project.communityId(), project.year(), project.title(),
                                !admin && !ownUnit(caller, agreement.unitId())))));
    }

    private static boolean ownUnit(Caller caller, UUID unitId) {
        return caller.unit().map(unitId.toString()::equals).orElse(false);
    }

    private static AgreementView view(Agreement agreement, UUID communityId, int year, String title, boolean masked) {
        return new AgreementView(agreement.projectId(), agreement.number(), communityId, year, title, agreement.unitId(),
                masked ? agreement.maskedSignatory() : agreement.signatory(), masked, agreement.commitments(),
                agreement.milestones().stream().map(m -> new MilestoneView(m.title(), m.dueDate(), m.reachedAt())).toList(),
                agreement.signedAt());
    }

    record ProgressRequest(@Size(min = 1, max = 200) String milestone, @NotBlank @Size(max = 4000) String note,
                           @NotNull @Min(0) @Max(100) Integer percent,
                           @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String evidenceUrl) {
    }

    @PostMapping("/{id}/progress")
    Mono<ResponseEntity<ProjectView>> progress(@PathVariable UUID id, @Valid @RequestBody ProgressRequest request,
                                               @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                               @AuthenticationPrincipal Caller caller) {
        ProjectService.Progress progress = new ProjectService.Progress(request.milestone(), request.note(),
                request.percent(), request.evidenceUrl());
        return idempotency.ok(key, caller, "POST /api/projects/" + id + "/progress " + request, ProjectView.class,
                () -> service.progress(id, progress, caller).map(ProjectView::of));
    }

    @GetMapping("/{id}/progress")
    Mono<List<AgreementStore.ProgressReport>> progressReports(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        return service.visible(id, caller).then(agreements.reports(id));
    }

    @PostMapping("/{id}/completion")
    Mono<ResponseEntity<ProjectView>> complete(@PathVariable UUID id,
                                               @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                               @AuthenticationPrincipal Caller caller) {
        return idempotency.ok(key, caller, "POST /api/projects/" + id + "/completion", ProjectView.class,
                () -> service.complete(id, caller).map(ProjectView::of));
    }

    record ReviewRequest(@NotNull @Pattern(regexp = "\\d{4}Q[1-4]", message = "must look like 2026Q3") String quarter,
                         @NotNull Grade grade, @Size(max = 4000) String comment) {
    }

    record ReviewView(String quarter, String grade, String comment, Instant reviewedAt) {
    }

    @PostMapping("/{id}/reviews")
    Mono<ResponseEntity<ProjectView>> review(@PathVariable UUID id, @Valid @RequestBody ReviewRequest request,
                                             @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                             @AuthenticationPrincipal Caller caller) {
        return idempotency.created(key, caller, "POST /api/projects/" + id + "/reviews " + request, ProjectView.class,
                () -> service.review(id, request.quarter(), request.grade(), request.comment(), caller).map(ProjectView::of),
                view -> "/api/projects/" + id + "/reviews");
    }

    /** Reviews are public within the community; who graded stays with the committee. */
    @GetMapping("/{id}/reviews")
    Mono<List<ReviewView>> reviews(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        return service.visible(id, caller).then(reviews.of(id)).map(all -> all.stream()
                .map(r -> new ReviewView(r.quarter(), r.grade().name(), r.comment(), r.reviewedAt())).toList());
    }

    record CancellationRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    /** An admin of the community cancels the project (CANCELLED), saying why; its milestones are no longer supervised. */
    @PostMapping("/{id}/cancellation")
    Mono<ResponseEntity<ProjectView>> cancel(@PathVariable UUID id, @Valid @RequestBody CancellationRequest request,
                                             @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                             @AuthenticationPrincipal Caller caller) {
        return idempotency.ok(key, caller, "POST /api/projects/" + id + "/cancellation " + request, ProjectView.class,
                () -> service.cancel(id, request.reason(), caller).map(ProjectView::of));
    }

    record QuotaRequest(@NotNull UUID communityId, @NotNull UUID unitId, @NotNull @Min(2000) @Max(2100) Integer year,
                        @NotNull @Min(0) @Max(1000) Integer quota) {
    }

    /** An admin raises (or lowers) a unit's yearly quota of projects (default 2). */
    @PostMapping("/quotas")
    Mono<ResponseEntity<QuotaRequest>> quota(@Valid @RequestBody QuotaRequest request,
                                             @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                             @AuthenticationPrincipal Caller caller) {
        return idempotency.ok(key, caller, "POST /api/projects/quotas " + request, QuotaRequest.class,
                () -> service.setQuota(request.communityId(), request.unitId(), request.year(), request.quota(), caller)
                        .thenReturn(request));
    }
}
