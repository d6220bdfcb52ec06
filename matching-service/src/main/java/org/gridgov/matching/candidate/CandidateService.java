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
        Instant now = clock.instant();
        return pool.gather(submitted, now.minus(settings.fairnessWindow()))
                .map(found -> ranking.rank(found.wish(), found.candidates(), settings.keep()));
    }

    public Mono<List<RankedCandidate>> rankAndPublish(SubmittedWish submitted) {
        Instant now = clock.instant();
        return rank(submitted).flatMap(ranked -> store.save(submitted, ranked, now)
                .then(outbox.append(candidatesComputed(submitted, ranked, now)))
                .thenReturn(ranked));
    }

    private static MatchingCandidatesComputed candidatesComputed(SubmittedWish wish, List<RankedCandidate> ranked,
                                                                 Instant at) {
        return new MatchingCandidatesComputed(wish.wishId(), ranked.stream()
                .map(candidate -> new MatchingCandidatesComputed.Candidate(candidate.kind().name(), candidate.id(),
                        candidate.score(), candidate.reasons().stream().map(CandidateReason::describe).toList()))
                .toList(), at);
    }
}
