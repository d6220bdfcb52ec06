package org.gridgov.matching.candidate.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.gridgov.matching.candidate.SubmittedWish;
import org.gridgov.matching.candidate.domain.CandidateKind;
import org.gridgov.matching.candidate.domain.RankedCandidate;
import org.gridgov.matching.candidate.domain.WishCandidates;
import org.gridgov.matching.candidate.domain.CandidateReason;
import org.gridgov.kit.data.Sql;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** The ranked candidates of each wish, as computed when it was submitted. */
@Component
public record CandidateStore(DatabaseClient db, JsonMapper json) {

    private static final Sql.Table CANDIDATE = new Sql.Table("wish_candidate",
            List.of("wish_id", "rank", "kind", "candidate_id", "name", "score", "reasons", "computed_at"),
            List.of(UUID.class, Integer.class, String.class, UUID.class, String.class, Double.class, String.class,
                    OffsetDateTime.class));

    /** Where the wish is (for jurisdiction checks), when its candidates were computed, and the best of them. */
    /**
     * Replaces the wish's candidates (a replayed submission recomputes them), and keeps the count of
     * firsts per candidate and day with them: the replaced ranking's first loses one, the new first gains one.
     */
    public Mono<Void> save(SubmittedWish wish, List<RankedCandidate> ranked, Instant at) {
        OffsetDateTime computedAt = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        Mono<Long> header = db.sql("""
                        with replaced_first as (select candidate_id, (computed_at at time zone 'UTC')::date as day
                                                from wish_candidate where wish_id = :wishId and rank = 1),
                             replaced as (delete from wish_candidates where wish_id = :wishId),
                             replaced_rows as (delete from wish_candidate where wish_id = :wishId)
                        update candidate_firsts f set firsts = f.firsts - 1
                        from replaced_first r where f.candidate_id = r.candidate_id and f.day = r.day""")
                .bind("wishId", wish.wishId())
                .fetch().rowsUpdated()
                .then(db.sql("""
                                insert into wish_candidates (wish_id, community_id, grid_id, computed_at)
                                values (:wishId, :communityId, :gridId, :computedAt)""")
                        .bind("wishId", wish.wishId()).bind("communityId", wish.communityId())
                        .bind("gridId", wish.gridId()).bind("computedAt", computedAt)
                        .fetch().rowsUpdated());
        List<Object[]> rows = ranked.stream().map(candidate -> new Object[] {wish.wishId(), candidate.rank(),
                candidate.kind().name(), candidate.id(), candidate.name(), candidate.score(),
                json.writeValueAsString(candidate.reasons()), computedAt}).toList();
        Mono<Long> first = ranked.isEmpty() ? Mono.just(0L) : db.sql("""
                        insert into candidate_firsts (candidate_id, day, firsts) values (:candidateId, :day, 1)
                        on conflict (candidate_id, day) do update set firsts = candidate_firsts.firsts + 1""")
                .bind("candidateId", ranked.get(0).id())
                .bind("day", computedAt.toLocalDate())
                .fetch().rowsUpdated();
        return header.then(Sql.insertRows(db, CANDIDATE, rows)).then(first).then();
    }

    public Mono<WishCandidates> find(UUID wishId, int limit) {
        Mono<List<RankedCandidate>> candidates = db.sql("""
                        select rank, kind, candidate_id, name, score, reasons from wish_candidate
                        where wish_id = :wishId order by rank limit :limit""")
                .bind("wishId", wishId).bind("limit", limit)
                .map(row -> new RankedCandidate(row.get("rank", Integer.class),
                        CandidateKind.valueOf(row.get("kind", String.class)), row.get("candidate_id", UUID.class),
                        row.get("name", String.class), row.get("score", Double.class),
                        List.of(json.readValue(row.get("reasons", String.class), CandidateReason[].class))))
                .all().collectList();
        return db.sql("select community_id, grid_id, computed_at from wish_candidates where wish_id = :wishId")
                .bind("wishId", wishId)
                .map(row -> new WishCandidates(wishId, row.get("community_id", UUID.class), row.get("grid_id", UUID.class),
                        row.get("computed_at", OffsetDateTime.class).toInstant(), List.of()))
                .one()
                .flatMap(found -> candidates.map(list -> new WishCandidates(found.wishId(), found.communityId(),
                        found.gridId(), found.computedAt(), list)));
    }
}
