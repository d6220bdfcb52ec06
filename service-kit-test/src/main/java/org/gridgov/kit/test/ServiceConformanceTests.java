package org.gridgov.kit.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What every GridGov service must offer operators and clients, checked on the real service: probes,
 * metrics tagged with the service name, the API description, problem+json errors, the caller's
 * identity verified by the service itself, and the correlation id. Extend it once per service.
 */
public abstract class ServiceConformanceTests extends ServiceIntegrationTest {

    @Autowired
    protected WebTestClient web;

    @Value("${spring.application.name}")
    protected String serviceName;

    @Test
    void liveness_and_readiness_probes_report_up_without_a_token() {
        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
            web.get().uri(probe).exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        }
    }

    @Test
    void prometheus_metrics_are_tagged_with_the_service_name() {
        String metrics = PrometheusScrape.of(web);
        assertThat(metrics).contains("jvm_memory_used_bytes{").contains("application=\"" + serviceName + "\"");
        assertThat(metrics.lines().filter(line -> line.startsWith("jvm_") || line.startsWith("http_server_"))
                .filter(line -> !line.contains("application=\"" + serviceName + "\"")))
                .as("every sample carries the application tag").isEmpty();
    }

    @Test
    void the_openapi_description_is_served() {
        web.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.openapi").value(version -> assertThat(String.valueOf(version)).startsWith("3."));
    }

    @Test
    void an_api_call_without_a_token_is_refused_with_401_problem() {
        web.get().uri("/api/anything").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(401).jsonPath("$.type").exists();
    }

    @Test
    void a_forged_token_is_refused_with_401_problem() {
        String valid = token("DISTRICT_ADMIN");
        String forged = valid.substring(0, valid.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        web.get().uri("/api/anything").headers(h -> h.setBearerAuth(forged)).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void an_unknown_path_is_a_404_problem_with_the_correlation_id() {
        web.get().uri("/api/no-such-resource").headers(h -> {
                    h.setBearerAuth(token("DISTRICT_ADMIN"));
                    h.set("X-Correlation-Id", "conformance-404");
                })
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("X-Correlation-Id", "conformance-404")
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.type").isEqualTo("https://gridgov.org/problems/not-found")
                .jsonPath("$.correlationId").isEqualTo("conformance-404")
                .jsonPath("$.detail").isEqualTo("No resource at this path.");
    }
}
