package org.gridgov.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.gridgov.gateway.GatewayIntegrationTest;
import org.gridgov.gateway.support.Metrics;
import org.gridgov.gateway.support.RecordingBackend.ReceivedRequest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class RoutingIT extends GatewayIntegrationTest {

    @Test
    void a_command_reaches_its_service_as_the_client_sent_it() {
        String id = requestId();
        String token = token("RESIDENT");
        web.post().uri("/api/wishes?source=app")
                .headers(as(token, id))
                .header("Idempotency-Key", "key-1")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"category\":\"REPAIRS\",\"title\":\"修水龙头\"}")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("wish");

        List<ReceivedRequest> received = backends.wish.received(id);
        assertThat(received).hasSize(1);
        ReceivedRequest request = received.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/api/wishes");
        assertThat(request.query()).isEqualTo("source=app");
        assertThat(request.body()).isEqualTo("{\"category\":\"REPAIRS\",\"title\":\"修水龙头\"}");
        assertThat(request.headers().getFirst("Idempotency-Key")).isEqualTo("key-1");
        // the service verifies the caller from the very same token
        assertThat(request.headers().getFirst("Authorization")).isEqualTo("Bearer " + token);
    }

    @Test
    void the_services_answer_reaches_the_client_unchanged_even_an_error() {
        backends.wish.answer("/api/wishes/7/claim", 409, "application/problem+json",
                "{\"type\":\"https://gridgov.org/problems/conflict\",\"status\":409,\"detail\":\"already claimed\"}");
        web.post().uri("/api/wishes/7/claim").headers(h -> h.setBearerAuth(token("UNIT"))).exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("already claimed");
    }

    @Test
    void the_open311_facade_is_routed_without_a_token() {
        String id = requestId();
        web.get().uri("/open311/v2/services.json?jurisdiction_id=fuling").header("X-Correlation-Id", id).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("wish");
        assertThat(backends.wish.received(id)).singleElement()
                .satisfies(request -> assertThat(request.path()).isEqualTo("/open311/v2/services.json"));
    }

    @Test
    void requests_are_timed_per_route_in_prometheus_with_the_application_tag() {
        web.get().uri("/api/grid/nodes").headers(h -> h.setBearerAuth(token("GRID_STAFF"))).exchange()
                .expectStatus().isOk();
        String metrics = Metrics.scrape(web);
        assertThat(metrics.lines().filter(line -> line.startsWith("spring_cloud_gateway_requests_seconds_count{")))
                .anySatisfy(line -> assertThat(line).contains("application=\"gateway\"").contains("routeId=\"grid\""))
                .allSatisfy(line -> assertThat(line).contains("application=\"gateway\""));
        assertThat(metrics).contains("spring_cloud_gateway_requests_seconds_bucket{");
    }
}
