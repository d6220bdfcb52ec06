package org.gridgov.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.gridgov.gateway.GatewayApplication;
import org.gridgov.gateway.GatewayIntegrationTest;
import org.gridgov.gateway.support.Metrics;
import org.gridgov.gateway.support.RedisServer;
import org.gridgov.infra.TokenRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Rate limits on a real Redis shared by two gateway replicas (this test's gateway and a second one
 * it starts). Budgets are tiny and refill at one request per 100 s, so counting is exact.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateLimitIT extends GatewayIntegrationTest {

    private static final int CLIENT_BURST = 4;
    private static final int ANONYMOUS_BURST = 3;
    private static final String NODES = "/api/grid/nodes";

    private static final RedisServer redis = RedisServer.start();
    private static ConfigurableApplicationContext secondReplica;

    @DynamicPropertySource
    static void smallBudgetsOnRedis(DynamicPropertyRegistry registry) {
        budgets().forEach((name, value) -> registry.add(name, () -> value));
    }

    private static Map<String, String> budgets() {
        return Map.of(
                "gridgov.gateway.rate-limit.redis-url", redis.url(),
                // every decision here must come from Redis, even on a busy test machine
                "gridgov.gateway.rate-limit.redis-timeout", "2s",
                "gridgov.gateway.rate-limit.client.capacity", Integer.toString(CLIENT_BURST),
                "gridgov.gateway.rate-limit.client.refill-per-second", "0.01",
                "gridgov.gateway.rate-limit.anonymous.capacity", Integer.toString(ANONYMOUS_BURST),
                "gridgov.gateway.rate-limit.anonymous.refill-per-second", "0.01");
    }

    @AfterAll
    static void stopSecondReplicaAndRedis() {
        if (secondReplica != null) {
            secondReplica.close();
        }
        redis.close();
    }

    @Test
    void a_client_over_its_budget_gets_429_problem_with_retry_after_and_others_are_not_affected() {
        String token = token(TokenRequest.of("busy-resident", "RESIDENT"));
        for (int i = 0; i < CLIENT_BURST; i++) {
            web.get().uri(NODES).headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk();
        }
        String id = requestId();
        web.get().uri(NODES).headers(as(token, id))
                .exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value("Retry-After", seconds -> assertThat(Long.parseLong(seconds)).isBetween(90L, 100L))
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://gridgov.org/problems/too-many-requests")
                .jsonPath("$.status").isEqualTo(429);
        assertThat(backends.grid.received(id)).as("a refused request never reaches the service").isEmpty();

        web.get().uri(NODES).headers(h -> h.setBearerAuth(token(TokenRequest.of("calm-resident", "RESIDENT"))))
                .exchange().expectStatus().isOk();
    }

    /** The API description promises X-RateLimit-Limit on every 2xx and 4xx, X-RateLimit-Remaining where counted. */
    @Test
    void every_answer_says_the_clients_rate_limit_also_a_401_before_the_caller_is_known() {
        String token = token(TokenRequest.of("counted-resident", "RESIDENT"));
        web.get().uri(NODES).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-RateLimit-Limit", Integer.toString(CLIENT_BURST))
                .expectHeader().valueEquals("X-RateLimit-Remaining", Integer.toString(CLIENT_BURST - 1));
        web.get().uri(NODES).headers(h -> h.setBearerAuth("not-a-token")).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("X-RateLimit-Limit", Integer.toString(ANONYMOUS_BURST));
    }

    @Test
    void two_gateway_replicas_share_one_budget_per_client() {
        WebTestClient second = secondReplica();
        String token = token(TokenRequest.of("resident-on-two-replicas", "RESIDENT"));
        int passed = 0;
        for (int i = 0; i < CLIENT_BURST + 2; i++) {
            WebTestClient replica = i % 2 == 0 ? web : second;
            int status = replica.get().uri(NODES).headers(h -> h.setBearerAuth(token)).exchange()
                    .returnResult(String.class).getStatus().value();
            if (status == 200) {
                passed++;
            } else {
                assertThat(status).isEqualTo(429);
            }
        }
        assertThat(passed).as("requests through both replicas together").isEqualTo(CLIENT_BURST);
    }

    @Test
    void anonymous_reads_are_limited_per_ip_and_a_forged_forwarded_for_does_not_escape_it() {
        for (int i = 0; i < ANONYMOUS_BURST; i++) {
            int n = i;
            web.get().uri("/open311/v2/services.json").header("X-Forwarded-For", "203.0.113." + n).exchange()
                    .expectStatus().isOk();
        }
        web.get().uri("/open311/v2/services.json").header("X-Forwarded-For", "198.51.100.7").exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After")
                // the Open311 facade's clients get the GeoReport v2 error format
                .expectBody().jsonPath("$[0].code").isEqualTo(429).jsonPath("$[0].description").exists();
        // a caller with a token has its own budget, not the address's
        web.get().uri(NODES).headers(h -> h.setBearerAuth(token(TokenRequest.of("resident-same-ip", "RESIDENT"))))
                .exchange().expectStatus().isOk();
    }

    @Test
    @Order(Integer.MAX_VALUE) // stops Redis: the last test of the class
    void while_redis_is_down_requests_are_still_limited_and_served_and_the_fallback_is_counted() {
        double before = fallbacks();
        redis.stop();
        try {
            String token = token(TokenRequest.of("resident-while-redis-is-down", "RESIDENT"));
            for (int i = 0; i < CLIENT_BURST; i++) {
                web.get().uri(NODES).headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk();
            }
            web.get().uri(NODES).headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isEqualTo(429);
            assertThat(fallbacks()).isGreaterThanOrEqualTo(before + CLIENT_BURST + 1);
        } finally {
            redis.startProcess();
        }
    }

    private double fallbacks() {
        String metrics = Metrics.scrape(web);
        return metrics.lines()
                .filter(line -> line.startsWith("gridgov_gateway_ratelimit_fallback_total{"))
                .filter(line -> line.contains("reason=\"redis-unavailable\""))
                .peek(line -> assertThat(line).contains("application=\"gateway\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static synchronized WebTestClient secondReplica() {
        if (secondReplica == null) {
            Map<String, String> properties = new HashMap<>(settings());
            properties.putAll(budgets());
            properties.put("server.port", "0");
            // as command-line arguments, which win over application.yml as the test's own settings do
            secondReplica = new SpringApplicationBuilder(GatewayApplication.class).run(properties.entrySet().stream()
                    .map(setting -> "--" + setting.getKey() + "=" + setting.getValue()).toArray(String[]::new));
        }
        String port = secondReplica.getEnvironment().getRequiredProperty("local.server.port");
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }
}
