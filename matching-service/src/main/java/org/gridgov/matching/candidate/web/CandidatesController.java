package org.gridgov.matching.candidate.web;

import io.swagger.v3.oas.annotations.Operation;
import java.util.UUID;

import org.gridgov.kit.jurisdiction.Jurisdictions;
import org.gridgov.kit.security.Caller;
import org.gridgov.kit.security.Role;
import org.gridgov.kit.web.ProblemException;
import org.gridgov.matching.candidate.CandidateSettings;
import org.gridgov.matching.candidate.persistence.CandidateStore;
import org.gridgov.matching.candidate.persistence.CandidateStore.WishCandidates;
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
class CandidatesController {

    private final CandidateStore store;
    private final Jurisdictions jurisdictions;
    private final CandidateSettings settings;

    CandidatesController(CandidateStore store, Jurisdictions jurisdictions, CandidateSettings settings) {
        this.store = store;
        this.jurisdictions = jurisdictions;
        this.settings = settings;
    }

    /** For the grid staff of the wish's grid and admins above it; elsewhere the wish does not exist. */
    @GetMapping("/{wishId}/candidates")
    @Operation(operationId = "listWishCandidates",
            summary = "The member units and party members best placed to claim a wish, best first (at most limit)")
    Mono<WishCandidates> candidates(@PathVariable UUID wishId, @RequestParam(defaultValue = "10") int limit,
                                    @AuthenticationPrincipal Caller caller) {
        if (!caller.has(Role.GRID_STAFF) && !caller.isAdmin()) {
            return Mono.error(ProblemException.forbidden("Only grid staff and admins see candidates."));
        }
        if (limit < 1 || limit > settings.keep()) {
            return Mono.error(ProblemException.invalid("limit must be between 1 and " + settings.keep() + "."));
        }
        return store.find(wishId, limit)
                .filterWhen(found -> jurisdictions.covers(caller, found.gridId()))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("wish", wishId)));
    }
}
