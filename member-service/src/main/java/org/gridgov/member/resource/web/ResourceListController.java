package org.gridgov.member.resource.web;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.gridgov.kit.data.Idempotency;
import org.gridgov.kit.security.Caller;
import org.gridgov.kit.web.openapi.ProblemResponses;
import org.gridgov.member.resource.ResourceLists;
import org.gridgov.contracts.Category;
import org.gridgov.member.resource.domain.Period;
import org.gridgov.member.resource.domain.ResourceItem;
import org.gridgov.member.resource.domain.ResourceListRevision;
import org.gridgov.member.resource.persistence.ResourceListStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A unit's resource list (资源清单) per period, its versions, and projects signed to its items. */
@RestController
@RequestMapping(path = "/api/units/{unitId}/resource-lists/{period}", produces = "application/json")
record ResourceListController(ResourceLists lists, Idempotency idempotency) {

    /** @param itemId optional: the item of the previous version this one continues (else matched by category and title) */
    record NewItem(UUID itemId, @NotNull Category category, @NotBlank @Size(max = 100) String title,
                   @NotNull @Min(0) @Max(100_000) Integer capacity, @NotEmpty @Size(max = 50) List<@NotNull UUID> area) {
    }

    record NewList(@NotNull @Size(max = 200) List<@Valid @NotNull NewItem> items) {
    }

    record NewAllocation(@NotNull UUID projectId, @NotNull @Min(1) @Max(100_000) Integer quantity) {
    }

    /** {@code used} and {@code remaining} are given for the latest version only. */
    record ItemView(UUID itemId, Category category, String title, int capacity, List<UUID> area, Integer used,
                    Integer remaining) {
    }

    record ListView(UUID unitId, String period, int version, boolean latest, Instant publishedAt, List<ItemView> items) {

        static ListView of(ResourceLists.ListVersion list) {
            Map<UUID, Integer> used = list.used();
            return new ListView(list.version().unitId(), list.version().period().toString(), list.version().version(),
                    list.latest(), list.version().publishedAt(), list.items().stream().map(item -> view(item, list.latest(), used)).toList());
        }

        private static ItemView view(ResourceItem item, boolean latest, Map<UUID, Integer> used) {
            Integer usedSoFar = latest ? used.getOrDefault(item.itemId(), 0) : null;
            return new ItemView(item.itemId(), item.category(), item.title(), item.capacity(), item.area(), usedSoFar,
                    latest ? item.capacity() - usedSoFar : null);
        }
    }

    record VersionView(int version, Instant publishedAt, int items) {
    }

    @PutMapping(consumes = "application/json")
    @Operation(operationId = "submitResourceList",
            summary = "A member unit submits (a new version of) its resource list for a period")
    @ProblemResponses(409)
    Mono<ResponseEntity<ListView>> submit(@PathVariable UUID unitId, @PathVariable String period,
                                          @Valid @RequestBody NewList body, @AuthenticationPrincipal Caller caller,
                                          @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        Period parsed = Period.parse(period);
        List<ResourceListRevision.Draft> drafts = body.items().stream()
                .map(item -> new ResourceListRevision.Draft(Optional.ofNullable(item.itemId()), item.category(), item.title(),
                        item.capacity(), item.area()))
                .toList();
        return idempotency.ok(key, caller, "PUT /api/units/" + unitId + "/resource-lists/" + parsed + " " + body,
                ListView.class, () -> lists.submit(unitId, parsed, drafts, caller).map(ListView::of));
    }

    @GetMapping
    @Operation(operationId = "getResourceList",
            summary = "A unit's resource list for a period: the current version, or the one asked for")
    Mono<ListView> get(@PathVariable UUID unitId, @PathVariable String period, @RequestParam Optional<Integer> version) {
        return lists.find(unitId, Period.parse(period), version).map(ListView::of);
    }

    @GetMapping("/versions")
    @Operation(operationId = "listResourceListVersions",
            summary = "The versions of a unit's resource list for a period")
    Mono<List<VersionView>> versions(@PathVariable UUID unitId, @PathVariable String period) {
        return lists.versions(unitId, Period.parse(period))
                .map((ResourceListStore.Version v) -> new VersionView(v.version(), v.publishedAt(), v.items()))
                .collectList();
    }

    @PostMapping(path = "/items/{itemId}/allocations", consumes = "application/json")
    @Operation(operationId = "allocateResourceItem",
            summary = "Allocate part of a resource list item to a need or project")
    @ProblemResponses(409)
    Mono<ResponseEntity<ResourceLists.Allocation>> allocate(@PathVariable UUID unitId, @PathVariable String period,
                                                            @PathVariable UUID itemId, @Valid @RequestBody NewAllocation body,
                                                            @AuthenticationPrincipal Caller caller,
                                                            @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        Period parsed = Period.parse(period);
        return idempotency.once(key, caller, "POST /api/units/" + unitId + "/resource-lists/" + parsed + "/items/" + itemId
                        + "/allocations " + body, ResourceLists.Allocation.class,
                () -> lists.allocate(unitId, parsed, itemId, body.projectId(), body.quantity(), caller)
                        .map(allocation -> ResponseEntity.status(HttpStatus.CREATED).body(allocation)));
    }
}
