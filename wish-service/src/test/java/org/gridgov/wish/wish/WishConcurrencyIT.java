package org.gridgov.wish.wish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.gridgov.wish.Neighbourhood;
import org.gridgov.wish.WishIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.JsonNode;

/** Optimistic concurrency and idempotent retries, with many requests really arriving at once. */
class WishConcurrencyIT extends WishIntegrationTest {

    /** Runs the calls on as many threads, released together, and returns their results in order. */
    private static <T> List<T> allAtOnce(List<Callable<T>> calls) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void of_fifty_units_claiming_one_wish_at_once_exactly_one_wins_and_the_rest_get_409() throws Exception {
        Neighbourhood n = new Neighbourhood();
        List<UUID> units = n.addUnits(50);
        ready(n.publish());
        UUID wish = wishAt("DISPATCHED", n, resident("r-race"));
        List<String> tokens = units.stream().map(unit -> unit(unit)).toList();

        List<Callable<EntityExchangeResult<String>>> claims = new ArrayList<>();
        for (String token : tokens) {
            claims.add(() -> command(token, wish, "claim", null).expectBody(String.class).returnResult());
        }
        List<EntityExchangeResult<String>> results = allAtOnce(claims);

        List<Integer> winners = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            EntityExchangeResult<String> result = results.get(i);
            if (result.getStatus().value() == 200) {
                winners.add(i);
            } else {
                assertThat(result.getStatus().value()).isEqualTo(409);
                assertThat(result.getResponseHeaders().getContentType()).isNotNull()
                        .satisfies(type -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue());
                assertThat(result.getResponseBody()).contains("https://gridgov.org/problems/conflict");
            }
        }
        assertThat(winners).hasSize(1);
        UUID winner = units.get(winners.get(0));

        String resident = resident("r-race");
        JsonNode claimed = getJson(resident, "/api/wishes/" + wish);
        assertThat(claimed.get("claimer").get("id").asString()).isEqualTo(winner.toString());
        JsonNode history = getJson(resident, "/api/wishes/" + wish + "/history").get("items");
        assertThat(history.valueStream().filter(e -> e.get("action").asString().equals("CLAIMED"))).hasSize(1);
        assertThat(settledEvents("org.gridgov.wish.claimed.v1", wish)).hasSize(1);
    }

    @Test
    void a_retried_command_applies_once_and_gets_the_first_answer_again() {
        Neighbourhood n = neighbourhood();
        String resident = resident("r-retry-" + n.community);

        JsonNode first = post(resident, "/api/wishes", wishBody(n.address), "order-1")
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode again = post(resident, "/api/wishes", wishBody(n.address), "order-1")
                .expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(again).isEqualTo(first);
        UUID wish = UUID.fromString(first.get("id").asString());
        assertThat(getJson(resident, "/api/wishes").get("items")).hasSize(1);

        command(staffOf(n.grid), wish, "dispatch", "{}").expectStatus().isOk();
        String claim = "/api/wishes/" + wish + "/claim";
        JsonNode claimed = post(unit(n.unitA), claim, null, "claim-1").expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        post(unit(n.unitA), claim, null, "claim-1").expectStatus().isOk()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody(JsonNode.class).isEqualTo(claimed);

        JsonNode history = getJson(resident, "/api/wishes/" + wish + "/history").get("items");
        assertThat(history.valueStream().map(e -> e.get("action").asString()))
                .containsExactly("SUBMITTED", "DISPATCHED", "CLAIMED");
        assertThat(settledTransitionEvents(wish)).containsExactly("submitted", "dispatched", "claimed");

        // the same key for a different request is a mistake the client must hear about
        post(unit(n.unitA), "/api/wishes/" + wish + "/release", "{\"reason\":\"人手不够\"}", "claim-1")
                .expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(getJson(resident, "/api/wishes/" + wish).get("status").asString()).isEqualTo("CLAIMED");
    }

    @Test
    void ten_copies_of_one_order_arriving_at_once_store_one_wish() throws Exception {
        Neighbourhood n = neighbourhood();
        String resident = resident("r-burst-" + n.community);
        List<Callable<EntityExchangeResult<JsonNode>>> copies = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            copies.add(() -> post(resident, "/api/wishes", wishBody(n.address), "burst-1")
                    .expectBody(JsonNode.class).returnResult());
        }

        List<EntityExchangeResult<JsonNode>> results = allAtOnce(copies);

        assertThat(results).allSatisfy(result -> assertThat(result.getStatus().value()).isEqualTo(201));
        assertThat(results.stream().map(result -> result.getResponseBody().get("id").asString()).distinct()).hasSize(1);
        assertThat(getJson(resident, "/api/wishes").get("items")).hasSize(1);
    }
}
