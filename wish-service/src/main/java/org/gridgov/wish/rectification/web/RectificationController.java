package org.gridgov.wish.rectification.web;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.gridgov.kit.data.Idempotency;
import org.gridgov.kit.security.Caller;
import org.gridgov.kit.web.Cursor;
import org.gridgov.kit.web.Page;
import org.gridgov.kit.web.openapi.ProblemResponses;
import org.gridgov.wish.rectification.Rectifications;
import org.gridgov.wish.rectification.domain.Rectification;
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

/** Rectifications (整改) opened by low ratings, for the grid to answer with feedback and a summary. */
@RestController
@RequestMapping(path = "/api/rectifications", produces = "application/json")
@Tag(name = "Rectifications", description = "评价、整改、反馈、总结 after a rating of 2 or less")
record RectificationController(Rectifications rectifications, Idempotency idempotency) {

    record RectificationView(UUID id, UUID wishId, UUID gridId, int rating, String comment, Rectification.Status status,
                             String feedback, String summary, Instant openedAt, Instant completedAt) {

        static RectificationView of(Rectification r) {
            return new RectificationView(r.id(), r.wishId(), r.gridId(), r.rating(), r.comment().orElse(null), r.status(),
                    r.feedback().orElse(null), r.summary().orElse(null), r.openedAt(), r.completedAt().orElse(null));
        }
    }

    /**
     * @param feedback what the grid told the resident (反馈)
     * @param summary  what was learnt and changed (总结)
     */
    record Complete(@NotBlank @Size(max = 2000) String feedback, @NotBlank @Size(max = 2000) String summary) {
    }

    @GetMapping
    @Operation(operationId = "listRectifications",
            summary = "Rectifications in the caller's jurisdiction, newest first")
    Mono<Page<RectificationView>> list(@RequestParam Optional<UUID> grid,
                                       @RequestParam Optional<Rectification.Status> status,
                                       @RequestParam Optional<String> cursor, @RequestParam Optional<Integer> limit,
                                       @AuthenticationPrincipal Caller caller) {
        return rectifications.list(caller, grid, status, Cursor.timeAndId(cursor.orElse(null)), Page.limit(limit))
                .map(page -> page.map(rectification -> Optional.of(RectificationView.of(rectification))));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getRectification", summary = "A rectification, with the wish it answers")
    Mono<RectificationView> get(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        return rectifications.visible(caller, id).map(stored -> RectificationView.of(stored.rectification()));
    }

    @PostMapping(path = "/{id}/complete", consumes = "application/json")
    @Operation(operationId = "completeRectification",
            summary = "The grid records its feedback to the resident and its summary; the rectification is done")
    @ProblemResponses(409)
    Mono<ResponseEntity<RectificationView>> complete(@PathVariable UUID id, @Valid @RequestBody Complete request,
                                                     @AuthenticationPrincipal Caller caller,
                                                     @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return idempotency.ok(key, caller, "POST /api/rectifications/" + id + "/complete\u0000" + request,
                RectificationView.class, () -> rectifications.complete(caller, id, request.feedback(), request.summary())
                        .map(RectificationView::of));
    }
}
