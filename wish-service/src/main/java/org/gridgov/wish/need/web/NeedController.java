package org.gridgov.wish.need.web;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.gridgov.kit.data.Idempotency;
import org.gridgov.kit.security.Caller;
import org.gridgov.kit.web.openapi.ProblemResponses;
import org.gridgov.wish.need.Needs;
import org.gridgov.wish.need.domain.Need;
import org.gridgov.wish.need.persistence.NeedStore;
import org.gridgov.kit.web.Cursor;
import org.gridgov.kit.web.Page;
import org.gridgov.contracts.Category;
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

/** The needs list (需求清单) of the grids in the caller's jurisdiction. */
@RestController
@RequestMapping(path = "/api/needs", produces = "application/json")
@Tag(name = "Needs", description = "需求清单, collected by grid staff and published for the yearly project matching")
record NeedController(Needs needs, Idempotency idempotency) {

    /** @param publish publish it for matching at once, instead of recording it first */
    record RecordNeed(@NotNull UUID gridId, @NotNull Category category, @NotBlank @Size(max = 100) String title,
                      @Size(max = 2000) String description, @NotNull @Min(1) @Max(100_000) Integer householdsAffected,
                      @NotNull Need.Priority priority, @NotNull Need.FoundBy foundBy, Boolean publish) {
    }

    record NeedView(UUID id, Need.Status status, UUID gridId, UUID communityId, Category category, String title,
                    String description, int householdsAffected, Need.Priority priority, Need.FoundBy foundBy,
                    Instant recordedAt, Instant publishedAt) {

        static NeedView of(NeedStore.Stored stored) {
            Need n = stored.need();
            return new NeedView(n.id(), n.status(), n.gridId(), n.communityId(), n.category(), n.title(),
                    n.description().orElse(null), n.householdsAffected(), n.priority(), n.foundBy(), n.recordedAt(),
                    n.publishedAt().orElse(null));
        }
    }

    @PostMapping(consumes = "application/json")
    @Operation(operationId = "recordNeed", summary = "Grid staff record a need of their grid (走–看–问–听–议)")
    Mono<ResponseEntity<NeedView>> record(@Valid @RequestBody RecordNeed request, @AuthenticationPrincipal Caller caller,
                                          @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        Needs.NewNeed need = new Needs.NewNeed(request.gridId(), request.category(), request.title(),
                Optional.ofNullable(request.description()), request.householdsAffected(), request.priority(),
                request.foundBy(), Boolean.TRUE.equals(request.publish()));
        return idempotency.created(key, caller, "POST /api/needs\u0000" + request, NeedView.class,
                () -> needs.record(caller, need).map(NeedView::of), view -> "/api/needs/" + view.id());
    }

    @PostMapping("/{id}/publish")
    @Operation(operationId = "publishNeed", summary = "Publish a recorded need for the yearly project matching")
    @ProblemResponses(409)
    Mono<ResponseEntity<NeedView>> publish(@PathVariable UUID id, @AuthenticationPrincipal Caller caller,
                                           @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return idempotency.ok(key, caller, "POST /api/needs/" + id + "/publish", NeedView.class,
                () -> needs.publish(caller, id).map(NeedView::of));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getNeed", summary = "A need")
    Mono<NeedView> get(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        return needs.visible(caller, id).map(NeedView::of);
    }

    @GetMapping
    @Operation(operationId = "listNeeds",
            summary = "The needs of the caller's jurisdiction, newest first, by grid, status and category")
    Mono<Page<NeedView>> list(@RequestParam Optional<UUID> grid, @RequestParam Optional<Need.Status> status,
                              @RequestParam Optional<Category> category, @RequestParam Optional<String> cursor,
                              @RequestParam Optional<Integer> limit, @AuthenticationPrincipal Caller caller) {
        return needs.list(caller, new Needs.Filter(grid, status, category), Cursor.timeAndId(cursor.orElse(null)),
                Page.limit(limit)).map(page -> page.map(stored -> Optional.of(NeedView.of(stored))));
    }
}
