package org.gridgov.matching.candidate.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridgov.matching.candidate.RankedWish;
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

    /**
     * Replaces the candidates of a batch of wishes (a replayed submission recomputes them), and keeps the
     * count of firsts per candidate and day with them: a replaced ranking's first loses one, a new first
     * gains one. Four statements for the whole batch.
     */
    public Mono<Void> saveAll(List<RankedWish> wishes, Instant at) {
        OffsetDateTime computedAt = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        UUID[] wishIds = Sql.column(wishes, ranked -> ranked.wish().wishId(), UUID[]::new);
        Mono<Long> replaced = db.sql("""
                        with replaced_first as (select candidate_id, (computed_at at time zone 'UTC')::date as day,
                                                       count(*) as rankings
                                                from wish_candidate where wish_id = any(:wishIds) and rank = 1
                                                group by 1, 2),
                             replaced as (delete from wish_candidates where wish_id = any(:wishIds)),
                             replaced_rows as (delete from wish_candidate where wish_id = any(:wishIds))
                        update candidate_firsts f set firsts = f.firsts - r.rankings
                        from replaced_first r where f.candidate_id = r.candidate_id and f.day = r.day""")
                .bind("wishIds", wishIds)
                .fetch().rowsUpdated();
        Mono<Long> headers = db.sql("""
                        insert into wish_candidates (wish_id, community_id, grid_id, computed_at)
                        select w.wish_id, w.community_id, w.grid_id, :computedAt
                        from unnest(:wishIds::uuid[], :communityIds::uuid[], :gridIds::uuid[]) as w(wish_id, community_id, grid_id)""")
                .bind("wishIds", wishIds)
                .bind("communityIds", Sql.column(wishes, ranked -> ranked.wish().communityId(), UUID[]::new))
                .bind("gridIds", Sql.column(wishes, ranked -> ranked.wish().gridId(), UUID[]::new))
                .bind("computedAt", computedAt)
                .fetch().rowsUpdated();
        List<Row> rows = wishes.stream().flatMap(wish -> wish.ranked().stream()
                .map(candidate -> new Row(wish.wish().wishId(), candidate))).toList();
        Mono<Long> candidates = rows.isEmpty() ? Mono.just(0L) : db.sql("""
                        insert into wish_candidate (wish_id, rank, kind, candidate_id, name, score, reasons, computed_at)
                        select c.wish_id, c.rank, c.kind, c.candidate_id, c.name, c.score, c.reasons, :computedAt
                        from unnest(:wishIds::uuid[], :ranks::int[], :kinds::text[], :candidateIds::uuid[],
                                    :names::text[], :scores::float8[], :reasons::text[])
                             as c(wish_id, rank, kind, candidate_id, name, score, reasons)""")
                .bind("wishIds", Sql.column(rows, Row::wishId, UUID[]::new))
                .bind("ranks", Sql.column(rows, row -> row.candidate().rank(), Integer[]::new))
                .bind("kinds", Sql.column(rows, row -> row.candidate().kind().name(), String[]::new))
                .bind("candidateIds", Sql.column(rows, row -> row.candidate().id(), UUID[]::new))
                .bind("names", Sql.column(rows, row -> row.candidate().name(), String[]::new))
                .bind("scores", Sql.column(rows, row -> row.candidate().score(), Double[]::new))
                .bind("reasons", Sql.column(rows, row -> json.writeValueAsString(row.candidate().reasons()), String[]::new))
                .bind("computedAt", computedAt)
                .fetch().rowsUpdated();
        Map<UUID, Integer> firsts = new LinkedHashMap<>();
        wishes.stream().filter(wish -> !wish.ranked().isEmpty())
                .forEach(wish -> firsts.merge(wish.ranked().get(0).id(), 1, Integer::sum));
        Mono<Long> counted = firsts.isEmpty() ? Mono.just(0L) : db.sql("""
                        insert into candidate_firsts (candidate_id, day, firsts)
                        select f.candidate_id, :day, f.firsts from unnest(:candidateIds::uuid[], :firsts::int[]) as f(candidate_id, firsts)
                        on conflict (candidate_id, day) do update set firsts = candidate_firsts.firsts + excluded.firsts""")
                .bind("candidateIds", firsts.keySet().toArray(UUID[]::new))
                .bind("firsts", firsts.values().toArray(Integer[]::new))
                .bind("day", computedAt.toLocalDate())
                .fetch().rowsUpdated();
        return replaced.then(headers).then(candidates).then(counted).then();
    }

    private record Row(UUID wishId, RankedCandidate candidate) {
    }

    /** Where the wish is (for jurisdiction checks), when its candidates were computed, and the best of them. */
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
