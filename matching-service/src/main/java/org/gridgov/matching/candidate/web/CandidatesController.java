package org.gridgov.matching.candidate.web;

import io.swagger.v3.oas.annotations.Operation;
import java.util.UUID;

import org.gridgov.kit.security.Caller;
import org.gridgov.matching.candidate.CandidateQueries;
import org.gridgov.matching.candidate.domain.WishCandidates;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Ranked candidates for the dispatcher of a wish (网格派单). */
@RestController
@RequestMapping("/api/matching/wishes")
record CandidatesController(CandidateQueries queries) {

    /** For the grid staff of the wish's grid and admins above it; elsewhere the wish does not exist. */
    @GetMapping("/{wishId}/candidates")
    @Operation(operationId = "listWishCandidates",
            summary = "The member units and party members best placed to claim a wish, best first (at most limit)")
    Mono<WishCandidates> candidates(@PathVariable UUID wishId, @RequestParam(defaultValue = "10") int limit,
                                    @AuthenticationPrincipal Caller caller) {
        return queries.of(caller, wishId, limit);
    }
}
