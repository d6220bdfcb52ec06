package org.gridgov.matching.candidate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.gridgov.contracts.events.MatchingCandidatesComputed;
import org.gridgov.kit.outbox.Outbox;
import org.gridgov.matching.candidate.domain.CandidateRanking;
import org.gridgov.matching.candidate.domain.RankedCandidate;
import org.gridgov.matching.candidate.domain.CandidateReason;
import org.gridgov.matching.candidate.persistence.CandidatePool;
import org.gridgov.matching.candidate.persistence.CandidateStore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Ranks the candidates for a submitted wish against the read model, keeps the best and publishes
 * them, in the caller's transaction.
 */
@Service
@EnableConfigurationProperties(CandidateSettings.class)
public class CandidateService {

    private final CandidatePool pool;
    private final CandidateStore store;
    private final Outbox outbox;
    private final CandidateRanking ranking;
    private final CandidateSettings settings;
    private final Clock clock;

    CandidateService(CandidatePool pool, CandidateStore store, Outbox outbox, CandidateSettings settings, Clock clock) {
        this.pool = pool;
        this.store = store;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
        this.ranking = new CandidateRanking((int) settings.fairnessWindow().toDays());
    }

    /** Computes the ranking without keeping it (what the benchmark times on its own). */
    public Mono<List<RankedCandidate>> rank(SubmittedWish submitted) {
        return rankAll(List.of(submitted)).map(all -> all.get(0).ranked());
    }

    /**
     * Ranks, keeps and publishes the candidates of a batch of wishes, in their order: each community's
     * candidates, records and recent firsts are read once, and a candidate ranked first for one wish
     * counts as a recent first for the next, as if they had been ranked one after the other.
     */
    public Mono<List<RankedWish>> rankAndPublish(List<SubmittedWish> submitted) {
        Instant now = clock.instant();
        return rankAll(submitted).flatMap(all -> store.saveAll(all, now)
                .thenMany(outbox.appendEach(all.stream().map(wish -> new Outbox.Caused(
                        candidatesComputed(wish.wish(), wish.ranked(), now), wish.wish().correlationId())).toList()))
                .then(Mono.just(all)));
    }

    private Mono<List<RankedWish>> rankAll(List<SubmittedWish> submitted) {
        return pool.gather(submitted, clock.instant().minus(settings.fairnessWindow())).map(communities ->
                submitted.stream().map(wish -> {
                    CandidatePool.Community community = communities.get(CandidatePool.Key.of(wish));
                    CandidatePool.Pool found = community.poolFor(wish);
                    List<RankedCandidate> ranked = ranking.rank(found.wish(), found.candidates(), settings.keep());
                    if (!ranked.isEmpty()) {
                        community.rankedFirst(ranked.get(0).id());
                    }
                    return new RankedWish(wish, ranked);
                }).toList());
    }

    private static MatchingCandidatesComputed candidatesComputed(SubmittedWish wish, List<RankedCandidate> ranked,
                                                                 Instant at) {
        return new MatchingCandidatesComputed(wish.wishId(), ranked.stream()
                .map(candidate -> new MatchingCandidatesComputed.Candidate(candidate.kind().name(), candidate.id(),
                        candidate.score(), candidate.reasons().stream().map(CandidateReason::describe).toList()))
                .toList(), at);
    }
}
