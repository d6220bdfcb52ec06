package org.gridgov.matching.candidate;

import java.util.UUID;

import org.gridgov.kit.jurisdiction.Jurisdictions;
import org.gridgov.kit.security.Caller;
import org.gridgov.kit.security.Role;
import org.gridgov.kit.web.ProblemException;
import org.gridgov.matching.candidate.domain.WishCandidates;
import org.gridgov.matching.candidate.persistence.CandidateStore;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Who may read a wish's candidates: the grid staff of the wish's grid and admins above it. */
@Service
public record CandidateQueries(CandidateStore store, Jurisdictions jurisdictions, CandidateSettings settings) {

    /** The best {@code limit} candidates; elsewhere than the caller's jurisdiction the wish does not exist (404). */
    public Mono<WishCandidates> of(Caller caller, UUID wishId, int limit) {
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
