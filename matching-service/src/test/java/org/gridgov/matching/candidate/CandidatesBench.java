package org.gridgov.matching.candidate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

import io.r2dbc.spi.ConnectionFactory;
import org.gridgov.matching.MatchingIntegrationTest;
import org.gridgov.matching.candidate.domain.CandidateRanking;
import org.gridgov.matching.candidate.persistence.CandidatePool;
import org.gridgov.contracts.Category;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.r2dbc.connection.init.ResourceDatabasePopulator;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Candidates per wish against a district-sized read model in the real PostgreSQL: the latency of
 * ranking alone, and of ranking, storing and publishing as the event handler does. Run with
 * {@code mvn -Pbench verify}.
 */
class CandidatesBench extends MatchingIntegrationTest {

    private static final int WARM_UP = 300;
    private static final int MEASURED = 1_000;

    @Autowired
    private CandidateService candidates;

    @Autowired
    private CandidatePool pool;

    @Autowired
    private ConnectionFactory connectionFactory;

    @Autowired
    private TransactionalOperator tx;

    @Test
    void candidates_per_wish_against_a_district_sized_read_model() throws IOException {
        long loading = System.nanoTime();
        new ResourceDatabasePopulator(new ClassPathResource("bench/district-read-model.sql")).populate(connectionFactory).block();
        long loadedMillis = (System.nanoTime() - loading) / 1_000_000;
        List<SubmittedWish> wishes = wishes(WARM_UP + MEASURED);

        Instant since = Instant.now().minus(Duration.ofDays(30));
        measure(wishes, wish -> candidates.rank(wish));   // once through, so every measurement finds the same warm caches
        Latencies queries = measure(wishes, wish -> poolOf(wish, since));
        List<CandidatePool.Pool> pools = wishes.stream().map(wish -> poolOf(wish, since).block()).toList();
        CandidateRanking ranking = new CandidateRanking(30);
        Latencies scoring = measure(pools, found -> Mono.just(ranking.rank(found.wish(), found.candidates(), 20)));
        Latencies rankOnly = measure(wishes, wish -> candidates.rank(wish));
        Latencies rankInTransaction = measure(wishes, wish -> tx.transactional(candidates.rank(wish)));
        Latencies rankStorePublish = measure(wishes, wish -> tx.transactional(candidates.rankAndPublish(List.of(wish))));
        int ranked = candidates.rank(wishes.get(0)).block().size();
        long batches = System.nanoTime();
        for (int from = 0; from < MEASURED; from += 50) {
            tx.transactional(candidates.rankAndPublish(wishes.subList(WARM_UP + from, WARM_UP + Math.min(MEASURED, from + 50))))
                    .block();
        }
        double perWishInBatches = (System.nanoTime() - batches) / 1e6 / MEASURED;

        String report = String.join("\n",
                "== candidates per wish, district read model (loaded in " + loadedMillis + " ms): "
                        + count("unit") + " units, " + count("resource_item") + " resources, " + count("party_member")
                        + " party members, " + count("wish") + " wishes, " + count("kit_grid_node") + " grid nodes ==",
                "each wish scores its community's units and members (~" + (count("unit") / 200 + count("party_member") / 200)
                        + "), keeps the best " + ranked + "; " + MEASURED + " wishes after " + WARM_UP + " to warm up",
                String.format(Locale.ROOT, "%-34s %8s %8s %8s %8s", "ms per wish", "p50", "p95", "p99", "max"),
                queries.row("  read-model queries (1 round)"),
                scoring.row("  scoring and ranking (plain Java)"),
                rankOnly.row("rank (queries + scoring)"),
                rankInTransaction.row("rank in a transaction"),
                rankStorePublish.row("rank + store + outbox, one wish"),
                String.format(Locale.ROOT, "%-34s %8.2f (mean)", "  the same, batches of 50", perWishInBatches),
                "target p99 < 10 ms: " + (rankOnly.p(0.99) < 10 ? "met" : "NOT met") + " for ranking, "
                        + (rankStorePublish.p(0.99) < 10 ? "met" : "NOT met") + " with store and outbox");
        System.out.println("\n" + report + "\n");
        Path out = Path.of("target", "bench", "candidates.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report + "\n");
        assertThat(ranked).isEqualTo(20);
    }

    private Mono<CandidatePool.Pool> poolOf(SubmittedWish wish, Instant since) {
        return pool.gather(List.of(wish), since).map(communities -> communities.get(CandidatePool.Key.of(wish)).poolFor(wish));
    }

    private List<SubmittedWish> wishes(int count) {
        List<UUID[]> places = db.sql("select id, path from kit_grid_node where kind = 'MICRO_GRID'")
                .map(row -> {
                    UUID[] path = row.get("path", UUID[].class);
                    return new UUID[] {row.get("id", UUID.class), path[3], path[2]};
                }).all().collectList().block();
        Random random = new Random(7);
        List<SubmittedWish> wishes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID[] place = places.get(random.nextInt(places.size()));
            wishes.add(new SubmittedWish(UUID.randomUUID(), Category.values()[random.nextInt(Category.values().length)],
                    place[2], place[1], place[0], Instant.now(), null));
        }
        return wishes;
    }

    private static <T> Latencies measure(List<T> wishes, Function<T, Mono<?>> work) {
        long[] nanos = new long[MEASURED];
        for (int i = 0; i < wishes.size(); i++) {
            long started = System.nanoTime();
            work.apply(wishes.get(i)).block();
            if (i >= WARM_UP) {
                nanos[i - WARM_UP] = System.nanoTime() - started;
            }
        }
        Arrays.sort(nanos);
        return new Latencies(nanos);
    }

    private long count(String table) {
        return db.sql("select count(*) from " + table).map(row -> row.get(0, Long.class)).one().block();
    }

    private record Latencies(long[] sortedNanos) {

        double p(double quantile) {
            return sortedNanos[(int) Math.ceil(quantile * sortedNanos.length) - 1] / 1e6;
        }

        String row(String what) {
            return String.format(Locale.ROOT, "%-34s %8.2f %8.2f %8.2f %8.2f", what, p(0.50), p(0.95), p(0.99),
                    sortedNanos[sortedNanos.length - 1] / 1e6);
        }
    }
}
