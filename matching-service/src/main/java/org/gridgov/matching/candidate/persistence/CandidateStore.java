package org.gridgov.matching.candidate.persistence;

import java.time.Instant;
import java.time.LocalDate;
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
import org.gridgov.kit.data.BulkInsert;
import org.gridgov.kit.data.Sql;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** The ranked candidates of each wish, as computed when it was submitted. */
@Component
public record CandidateStore(DatabaseClient db, JsonMapper json) {

    private static final BulkInsert<Header> HEADERS = BulkInsert.<Header>into("wish_candidates")
            .column("wish_id", UUID.class, header -> header.wish().wish().wishId())
            .column("community_id", UUID.class, header -> header.wish().wish().communityId())
            .column("grid_id", UUID.class, header -> header.wish().wish().gridId())
            .timestamp("computed_at", Header::computedAt);
    private static final BulkInsert<Row> CANDIDATES = BulkInsert.<Row>into("wish_candidate")
            .column("wish_id", UUID.class, Row::wishId).column("rank", Integer.class, row -> row.candidate().rank())
            .column("kind", String.class, row -> row.candidate().kind().name()).column("candidate_id", UUID.class, row -> row.candidate().id())
            .column("name", String.class, row -> row.candidate().name()).column("score", Double.class, row -> row.candidate().score())
            .column("reasons", String.class, Row::reasons).timestamp("computed_at", Row::computedAt);
    private static final BulkInsert<Firsts> FIRSTS = BulkInsert.<Firsts>into("candidate_firsts")
            .column("candidate_id", UUID.class, Firsts::candidateId).column("day", LocalDate.class, Firsts::day).column("firsts", Integer.class, Firsts::firsts)
            .then("on conflict (candidate_id, day) do update set firsts = candidate_firsts.firsts + excluded.firsts");

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
        Mono<Long> headers = HEADERS.run(db, wishes.stream().map(wish -> new Header(wish, at)).toList());
        List<Row> rows = wishes.stream().flatMap(wish -> wish.ranked().stream()
                .map(candidate -> new Row(wish.wish().wishId(), candidate, json.writeValueAsString(candidate.reasons()), at)))
                .toList();
        Mono<Long> candidates = CANDIDATES.run(db, rows);
        Map<UUID, Integer> firsts = new LinkedHashMap<>();
        wishes.stream().filter(wish -> !wish.ranked().isEmpty())
                .forEach(wish -> firsts.merge(wish.ranked().get(0).id(), 1, Integer::sum));
        Mono<Long> counted = FIRSTS.run(db, firsts.entrySet().stream()
                .map(first -> new Firsts(first.getKey(), computedAt.toLocalDate(), first.getValue())).toList());
        return replaced.then(headers).then(candidates).then(counted).then();
    }

    private record Header(RankedWish wish, Instant computedAt) {
    }

    private record Row(UUID wishId, RankedCandidate candidate, String reasons, Instant computedAt) {
    }

    private record Firsts(UUID candidateId, LocalDate day, int firsts) {
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
