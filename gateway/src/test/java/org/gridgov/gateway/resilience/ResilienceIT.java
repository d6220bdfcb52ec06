package org.gridgov.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.gridgov.gateway.GatewayIntegrationTest;
import org.gridgov.gateway.support.Metrics;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What a caller notices when a service is down, slow, flaky or swamped — and when it comes back. */
class ResilienceIT extends GatewayIntegrationTest {

    /** Generous: a stopped service refuses connections at once; the gateway only adds two quick retries. */
    private static final Duration FAST = Duration.ofSeconds(2);

    @LocalServerPort
    int port;

    @Test
    void a_stopped_service_gives_a_fast_503_problem_naming_the_route_and_traffic_recovers_by_itself() {
        String token = token("GRID_STAFF");
        String candidates = "/api/matching/wishes/3d8f1b6e-9a2c-4d75-8e13-6b0f4a7c2e88/candidates";
        backends.matching.stop();
        try {
            for (int call = 0; call < 6; call++) {
                long start = System.nanoTime();
                unavailable(web.get().uri(candidates).headers(h -> h.setBearerAuth(token)).exchange(), "matching");
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(FAST);
            }
            assertThat(Metrics.breakerState(web, "matching")).contains("open");
        } finally {
            backends.matching.start();
        }
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            web.get().uri(candidates).headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk();
            assertThat(Metrics.breakerState(web, "matching")).contains("closed");
        });
    }

    @Test
    void a_read_whose_connection_dropped_is_retried_and_the_caller_gets_the_answer() {
        backends.grid.dropConnections("/api/grid/nodes/flaky-node", 1);
        String id = requestId();
        web.get().uri("/api/grid/nodes/flaky-node")
                .headers(as(token("GRID_STAFF"), id))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("grid");
        assertThat(backends.grid.received(id)).hasSize(2);
    }

    @Test
    void a_command_whose_connection_dropped_is_not_sent_twice_even_with_an_idempotency_key() {
        String claim = "/api/wishes/9a7c2e88-3d8f-4b6e-9a2c-1d754e136b0f/claim";
        backends.wish.dropConnections(claim, 1);
        String id = requestId();
        web.post().uri(claim)
                .headers(as(token("UNIT"), id))
                .header("Idempotency-Key", "claim-once")
                .exchange()
                .expectStatus().isEqualTo(502)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://gridgov.org/problems/bad-gateway")
                .jsonPath("$.route").isEqualTo("wish");
        assertThat(backends.wish.received(id)).hasSize(1);
    }

    @Test
    void a_service_too_slow_to_answer_gives_a_504_problem_after_the_time_limit_not_a_hang() {
        backends.member.delay("/api/units/slow-unit", Duration.ofSeconds(30));
        long start = System.nanoTime();
        web.get().uri("/api/units/slow-unit").headers(h -> h.setBearerAuth(token("UNIT"))).exchange()
                .expectStatus().isEqualTo(504)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://gridgov.org/problems/gateway-timeout")
                .jsonPath("$.route").isEqualTo("member");
        // the test gateway's time limit is 2 s
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void a_route_at_its_concurrency_limit_answers_503_at_once_instead_of_queueing() throws Exception {
        // the matching route: its time limit (30 s) outlasts the held calls
        String projectList = "/api/matching/project-lists/5b1e7d3a-6f2c-4a89-9b04-e7c3a1d8f599";
        String token = token("COMMUNITY_ADMIN");
        backends.matching.hold(projectList);
        WebClient client = WebClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultHeaders(h -> h.setBearerAuth(token)).build();
        CompletableFuture<List<Integer>> held;
        try {
            // the test gateway lets 4 calls at a time through to a route
            held = Flux.range(0, 4)
                    .flatMap(i -> client.get().uri(projectList).exchangeToMono(r -> Mono.just(r.statusCode().value())))
                    .collectList().toFuture();
            await().atMost(Duration.ofSeconds(10)).until(() -> backends.matching.receivedOn(projectList) >= 4);
            long start = System.nanoTime();
            unavailable(web.get().uri(projectList).headers(h -> h.setBearerAuth(token)).exchange(), "matching");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(FAST);
        } finally {
            backends.matching.release(projectList);
        }
        assertThat(held.get()).containsExactly(200, 200, 200, 200);
    }

    private static void unavailable(ResponseSpec response, String route) {
        response.expectStatus().isEqualTo(503)
                .expectHeader().exists("Retry-After")
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://gridgov.org/problems/service-unavailable")
                .jsonPath("$.route").isEqualTo(route)
                .jsonPath("$.detail").value(detail -> assertThat(String.valueOf(detail)).contains(route));
    }
}
