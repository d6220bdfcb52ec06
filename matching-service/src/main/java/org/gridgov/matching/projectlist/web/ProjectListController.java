package org.gridgov.matching.projectlist.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.gridgov.kit.data.Idempotency;
import org.gridgov.kit.jurisdiction.GridTree;
import org.gridgov.kit.jurisdiction.Jurisdictions;
import org.gridgov.kit.security.Caller;
import org.gridgov.kit.security.Role;
import org.gridgov.kit.web.ProblemException;
import org.gridgov.matching.projectlist.ProjectList;
import org.gridgov.matching.projectlist.ProjectListService;
import org.gridgov.matching.projectlist.persistence.ProjectListStore;
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

/** The yearly project list (项目清单) of a community, for its admins and those above them. */
@RestController
@RequestMapping("/api/matching/project-lists")
class ProjectListController {

    private final ProjectListService service;
    private final ProjectListStore store;
    private final GridTree gridTree;
    private final Jurisdictions jurisdictions;
    private final Idempotency idempotency;

    ProjectListController(ProjectListService service, ProjectListStore store, GridTree gridTree,
                          Jurisdictions jurisdictions, Idempotency idempotency) {
        this.service = service;
        this.store = store;
        this.gridTree = gridTree;
        this.jurisdictions = jurisdictions;
        this.idempotency = idempotency;
    }

    /**
     * @param minProjectsPerUnit at least this many projects per unit (default 1)
     * @param maxProjectsPerUnit at most this many projects per unit (default 2)
     */
    record ComputeRequest(@NotNull UUID communityId, @NotNull @Min(2000) @Max(2100) Integer year,
                          @Min(0) @Max(20) Integer minProjectsPerUnit, @Min(1) @Max(20) Integer maxProjectsPerUnit) {

        ProjectList.UnitQuota quota() {
            return new ProjectList.UnitQuota(minProjectsPerUnit == null ? 1 : minProjectsPerUnit,
                    maxProjectsPerUnit == null ? 2 : maxProjectsPerUnit);
        }
    }

    /** Computes a new version; earlier versions stay readable. */
    @PostMapping
    Mono<ResponseEntity<ProjectList>> compute(@Valid @RequestBody ComputeRequest request,
                                              @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                              @AuthenticationPrincipal Caller caller) {
        ProjectList.UnitQuota quota = request.quota();
        if (quota.min() > quota.max()) {
            return Mono.error(ProblemException.invalid("minProjectsPerUnit must not exceed maxProjectsPerUnit."));
        }
        return requireAdminOfCommunity(caller, request.communityId())
                .then(idempotency.once(key, caller, "POST /api/matching/project-lists " + request, ProjectList.class,
                        () -> service.compute(request.communityId(), request.year(), quota, caller.subject())
                                .map(list -> ResponseEntity.created(URI.create("/api/matching/project-lists/" + list.id()))
                                        .body(list))));
    }

    @GetMapping("/{id}")
    Mono<ProjectList> find(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        return requireAdmin(caller).then(store.find(id)
                .filterWhen(list -> jurisdictions.covers(caller, list.communityId()))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("project list", id))));
    }

    /** Every version of the community's list for the year, newest first. */
    @GetMapping
    Mono<List<ProjectList.Summary>> versions(@RequestParam UUID community, @RequestParam int year,
                                             @AuthenticationPrincipal Caller caller) {
        return requireAdminOfCommunity(caller, community).then(store.versions(community, year));
    }

    private static Mono<Void> requireAdmin(Caller caller) {
        return caller.hasAny(Role.COMMUNITY_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN) ? Mono.empty()
                : Mono.error(ProblemException.forbidden("Only community, street and district admins work on project lists."));
    }

    private Mono<Void> requireAdminOfCommunity(Caller caller, UUID communityId) {
        return requireAdmin(caller)
                .then(gridTree.find(communityId))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("community", communityId)))
                .flatMap(node -> "COMMUNITY".equals(node.kind()) ? jurisdictions.require(caller, communityId)
                        : Mono.error(ProblemException.invalid(communityId + " is a " + node.kind() + ", not a community.")));
    }
}
