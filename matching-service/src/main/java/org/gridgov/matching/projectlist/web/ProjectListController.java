package org.gridgov.matching.projectlist.web;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
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

/**
 * The yearly project list (项目清单) of a community, for its admins and those above them, or of a
 * street (all its communities in one list), for the street's admins and the district's.
 */
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
     * @param communityId the community whose list to compute; give either this or {@code streetId}
     * @param streetId the street whose list to compute, over all its communities
     * @param minProjectsPerUnit at least this many projects per unit (default 1)
     * @param maxProjectsPerUnit at most this many projects per unit (default 2)
     */
    @Schema(description = "The area and year of the list: either communityId (a community's list) or streetId "
            + "(one list over all the street's communities, for street and district admins), never both.")
    record ComputeRequest(@Schema(description = "the community whose list to compute") UUID communityId,
                          @Schema(description = "the street whose list to compute, over all its communities") UUID streetId,
                          @NotNull @Min(2000) @Max(2100) Integer year,
                          @Min(0) @Max(20) Integer minProjectsPerUnit, @Min(1) @Max(20) Integer maxProjectsPerUnit) {

        ProjectList.UnitQuota quota() {
            return new ProjectList.UnitQuota(minProjectsPerUnit == null ? 1 : minProjectsPerUnit,
                    maxProjectsPerUnit == null ? 2 : maxProjectsPerUnit);
        }
    }

    /** Computes a new version; earlier versions stay readable. */
    @PostMapping
    @Operation(operationId = "computeProjectList",
            summary = "Compute a new version of a community's or a street's yearly project list (admins there)")
    Mono<ResponseEntity<ProjectList>> compute(@Valid @RequestBody ComputeRequest request,
                                              @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                              @AuthenticationPrincipal Caller caller) {
        ProjectList.UnitQuota quota = request.quota();
        if (quota.min() > quota.max()) {
            return Mono.error(ProblemException.invalid("minProjectsPerUnit must not exceed maxProjectsPerUnit."));
        }
        return Mono.fromCallable(() -> area(request.communityId(), request.streetId()))
                .flatMap(area -> requireAdminOf(caller, area)
                        .then(idempotency.once(key, caller, "POST /api/matching/project-lists " + request, ProjectList.class,
                                () -> service.compute(area, request.year(), quota, caller.subject())
                                        .map(list -> ResponseEntity.created(URI.create("/api/matching/project-lists/" + list.id()))
                                                .body(list)))));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getProjectList", summary = "One version of a project list, with its matched projects")
    Mono<ProjectList> find(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        return requireAdmin(caller).then(store.find(id)
                .filterWhen(list -> jurisdictions.covers(caller, list.area().id()))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("project list", id))));
    }

    /** Every version of the community's or the street's list for the year, newest first. */
    @GetMapping
    @Operation(operationId = "listProjectListVersions",
            summary = "The versions of a community's or a street's project lists, newest first")
    Mono<List<ProjectList.Summary>> versions(
            @Parameter(description = "the community whose versions to list; or give street") @RequestParam(required = false) UUID community,
            @Parameter(description = "the street whose versions to list; or give community") @RequestParam(required = false) UUID street,
            @RequestParam int year,
                                             @AuthenticationPrincipal Caller caller) {
        return Mono.fromCallable(() -> area(community, street))
                .flatMap(area -> requireAdminOf(caller, area).then(store.versions(area, year)));
    }

    private static ProjectList.Area area(UUID community, UUID street) {
        if ((community == null) == (street == null)) {
            throw ProblemException.invalid("Give either a community or a street, not both or neither.");
        }
        return ProjectList.areaOf(community, street);
    }

    private Mono<Void> requireAdminOf(Caller caller, ProjectList.Area area) {
        return switch (area.kind()) {
            case COMMUNITY -> requireAdminOfCommunity(caller, area.id());
            case STREET -> requireAdminOfStreet(caller, area.id());
        };
    }

    private static Mono<Void> requireAdmin(Caller caller) {
        return caller.isAdmin() ? Mono.empty()
                : Mono.error(ProblemException.forbidden("Only community, street and district admins work on project lists."));
    }

    private Mono<Void> requireAdminOfCommunity(Caller caller, UUID communityId) {
        return requireAdmin(caller)
                .then(gridTree.find(communityId))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("community", communityId)))
                .flatMap(node -> "COMMUNITY".equals(node.kind()) ? jurisdictions.require(caller, communityId)
                        : Mono.error(ProblemException.invalid(communityId + " is a " + node.kind() + ", not a community.")));
    }

    // a community admin sees one community of the street: the street's list weighs them all against each other
    private Mono<Void> requireAdminOfStreet(Caller caller, UUID streetId) {
        return (caller.hasAny(Role.STREET_ADMIN, Role.DISTRICT_ADMIN) ? Mono.<Void>empty()
                : Mono.<Void>error(ProblemException.forbidden("Only street and district admins work on a street's project list.")))
                .then(gridTree.find(streetId))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("street", streetId)))
                .flatMap(node -> "STREET".equals(node.kind()) ? jurisdictions.require(caller, streetId)
                        : Mono.error(ProblemException.invalid(streetId + " is a " + node.kind() + ", not a street.")));
    }
}
