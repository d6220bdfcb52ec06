package org.gridgov.committee.deliberation.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.gridgov.committee.deliberation.DeliberationService;
import org.gridgov.committee.deliberation.domain.Deliberation;
import org.gridgov.committee.deliberation.domain.Notice;
import org.gridgov.committee.deliberation.domain.ResolvedProject;
import org.gridgov.kit.data.Idempotency;
import org.gridgov.kit.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * 四议两公开: the community's admins open a deliberation, take its four steps with their meetings' decided motions and
 * disclose the resolution and the implementation result; the notice board of disclosures is public.
 */
@RestController
record DeliberationController(DeliberationService service, Idempotency idempotency) {

    /** A deliberation with its steps and the projects its resolution created (their completion is its result). */
    record DeliberationView(UUID id, UUID communityId, String title, String description, List<UUID> needIds,
                            String status, String nextStage, List<Deliberation.Step> steps, List<ResolvedProject> projects,
                            Instant createdAt) {

        static DeliberationView of(Deliberation d, List<ResolvedProject> projects) {
            return new DeliberationView(d.id(), d.communityId(), d.title(), d.description(), d.needIds(), d.status().name(),
                    d.status() == Deliberation.Status.IN_PROGRESS ? d.nextStage().name() : null, d.steps(), projects,
                    d.createdAt());
        }
    }

    private Mono<DeliberationView> view(Deliberation d) {
        return service.projectsOf(d.id()).collectList().map(projects -> DeliberationView.of(d, projects));
    }

    record OpenRequest(@NotNull UUID communityId, @NotBlank @Size(max = 200) String title,
                       @NotBlank @Size(max = 4000) String description, @Size(max = 50) List<@NotNull UUID> needIds) {
    }

    @PostMapping(path = "/api/deliberations", produces = "application/json")
    Mono<ResponseEntity<DeliberationView>> open(@Valid @RequestBody OpenRequest request,
                                                @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                                @AuthenticationPrincipal Caller caller) {
        return idempotency.created(key, caller, "POST /api/deliberations " + request, DeliberationView.class,
                () -> service.open(request.communityId(), request.title().strip(), request.description().strip(),
                                request.needIds() == null ? List.of() : request.needIds(), caller)
                        .map(d -> DeliberationView.of(d, List.of())),
                view -> "/api/deliberations/" + view.id());
    }

    @GetMapping(path = "/api/deliberations/{id}", produces = "application/json")
    @Operation(operationId = "getDeliberation", summary = "A deliberation (四议两公开) with its steps and disclosures")
    Mono<DeliberationView> find(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        return service.visible(id, caller).flatMap(this::view);
    }

    record StepRequest(@NotNull UUID meetingId, @NotNull UUID motionId) {
    }

    /** The next of the four steps, taken by a motion the meeting decided: passed, on to the next; failed, the end. */
    @PostMapping(path = "/api/deliberations/{id}/steps", produces = "application/json")
    Mono<ResponseEntity<DeliberationView>> step(@PathVariable UUID id, @Valid @RequestBody StepRequest request,
                                                @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                                @AuthenticationPrincipal Caller caller) {
        return idempotency.ok(key, caller, "POST /api/deliberations/" + id + "/steps " + request, DeliberationView.class,
                () -> service.takeStep(id, request.meetingId(), request.motionId(), caller)
                        .flatMap(this::view));
    }

    record DisclosureRequest(@NotNull Deliberation.Disclosure kind, @NotBlank @Size(max = 8000) String text) {
    }

    @PostMapping(path = "/api/deliberations/{id}/disclosures", produces = "application/json")
    Mono<ResponseEntity<Notice>> disclose(@PathVariable UUID id,
                                                            @Valid @RequestBody DisclosureRequest request,
                                                            @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                                            @AuthenticationPrincipal Caller caller) {
        return idempotency.created(key, caller, "POST /api/deliberations/" + id + "/disclosures " + request,
                Notice.class, () -> service.disclose(id, request.kind(), request.text().strip(), caller),
                notice -> "/api/disclosures?community=" + notice.communityId());
    }

    /** The community's notice board (决议公开, 实施结果公开), the latest first: for anyone signed in and any app. */
    @GetMapping(path = "/api/disclosures", produces = "application/json")
    Mono<List<Notice>> notices(@RequestParam UUID community) {
        return service.noticesOf(community).collectList();
    }
}
