package org.gridgov.matching.candidate.messaging;

import java.time.Clock;

import org.gridgov.contracts.events.WishSubmitted;
import org.gridgov.kit.inbox.EventSubscriber;
import org.gridgov.kit.inbox.TypedEventHandler;
import org.gridgov.matching.candidate.CandidateService;
import org.gridgov.matching.candidate.CandidateSettings;
import org.gridgov.matching.candidate.SubmittedWish;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Ranks and publishes the candidates of every wish as soon as it is submitted (居民点单 → candidates for 网格派单). */
@Component
record CandidatesOnWishSubmitted(CandidateService candidates, CandidateSettings settings,
                                 Clock clock) implements EventSubscriber {

    @Override
    public TypedEventHandler handlers() {
        return TypedEventHandler.named("candidates")
                .on(WishSubmitted.class, this::rank);
    }

    private Mono<Void> rank(WishSubmitted submitted) {
        SubmittedWish wish = new SubmittedWish(submitted.wishId(), submitted.category(), submitted.communityId(),
                submitted.gridId(), submitted.microGridId(), submitted.occurredAt());
        if (wish.submittedAt().isBefore(clock.instant().minus(settings.rankWithin()))) {
            // a replay into an empty database: ranking it now would publish stale candidates over the real ones
            return Mono.empty();
        }
        return candidates.rankAndPublish(wish).then();
    }
}
