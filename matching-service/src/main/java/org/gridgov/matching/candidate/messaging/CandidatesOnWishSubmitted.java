package org.gridgov.matching.candidate.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.gridgov.contracts.events.WishSubmitted;
import org.gridgov.kit.inbox.Delivered;
import org.gridgov.kit.inbox.EventSubscriber;
import org.gridgov.kit.inbox.TypedEventHandler;
import org.gridgov.matching.candidate.CandidateService;
import org.gridgov.matching.candidate.CandidateSettings;
import org.gridgov.matching.candidate.SubmittedWish;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Ranks and publishes the candidates of every wish as soon as it is submitted (居民点单 → candidates for 网格派单),
 * the wishes of a polled batch together.
 */
@Component
record CandidatesOnWishSubmitted(CandidateService candidates, CandidateSettings settings,
                                 Clock clock) implements EventSubscriber {

    @Override
    public TypedEventHandler handlers() {
        return TypedEventHandler.named("candidates")
                .onBatch(WishSubmitted.class, this::rank);
    }

    private Mono<Void> rank(List<Delivered<WishSubmitted>> submitted) {
        Instant staleBefore = clock.instant().minus(settings.rankWithin());
        List<SubmittedWish> wishes = submitted.stream()
                .map(delivered -> {
                    WishSubmitted wish = delivered.event();
                    return new SubmittedWish(wish.wishId(), wish.category(), wish.communityId(), wish.gridId(),
                            wish.microGridId(), wish.occurredAt(), delivered.correlationId());
                })
                // a replay into an empty database: ranking it now would publish stale candidates over the real ones
                .filter(wish -> !wish.submittedAt().isBefore(staleBefore))
                .toList();
        return wishes.isEmpty() ? Mono.empty() : candidates.rankAndPublish(wishes).then();
    }
}
