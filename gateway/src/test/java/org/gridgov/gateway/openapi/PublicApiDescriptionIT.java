package org.gridgov.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.gridgov.gateway.GatewayIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient.BodyContentSpec;

/** One description of the whole public API, at the gateway, built from what the services describe. */
class PublicApiDescriptionIT extends GatewayIntegrationTest {

    private static final String GRID_DOCS = """
            {"openapi":"3.1.0","info":{"title":"grid-service","version":"v1"},
             "tags":[{"name":"grid","description":"the grid tree"}],
             "paths":{
               "/api/grid/nodes/{id}":{"get":{"tags":["grid"],"operationId":"node",
                 "parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string","format":"uuid"}}],
                 "responses":{"200":{"description":"the node","content":{"application/json":
                   {"schema":{"$ref":"#/components/schemas/GridNode"}}}}}}},
               "/internal/reindex":{"post":{"operationId":"reindex","responses":{"202":{"description":"started"}}}}},
             "components":{"schemas":{"GridNode":{"type":"object","properties":{
               "id":{"type":"string"},"kind":{"type":"string"},"name":{"type":"string"}}}}}}
            """;

    private static final String WISH_DOCS = """
            {"openapi":"3.1.0","info":{"title":"wish-service","version":"v1"},
             "paths":{
               "/api/wishes":{"post":{"operationId":"submit","responses":{"201":{"description":"submitted"}}}},
               "/open311/v2/services.json":{"get":{"operationId":"services","responses":{"200":{"description":"the service list"}}}}}}
            """;

    @BeforeEach
    void servicesDescribeThemselves() {
        backends.grid.apiDocs(GRID_DOCS);
        backends.wish.apiDocs(WISH_DOCS);
    }

    @Test
    void the_gateway_serves_the_public_paths_of_every_service_in_one_description() {
        BodyContentSpec description = awaitDescriptionWith("/api/grid/nodes/{id}");
        description
                .jsonPath("$.info.title").isEqualTo("GridGov public API")
                .jsonPath("$.paths['/api/grid/nodes/{id}'].get.operationId").isEqualTo("node")
                .jsonPath("$.paths['/api/wishes'].post.operationId").isEqualTo("submit")
                .jsonPath("$.paths['/open311/v2/services.json'].get.operationId").isEqualTo("services")
                .jsonPath("$.components.schemas.GridNode.properties.kind").exists()
                // bounded as the API enforces: a UUID's 36 characters, free text by the 1 MB body limit
                .jsonPath("$.paths['/api/grid/nodes/{id}'].get.parameters[0].schema.maxLength").isEqualTo(36)
                .jsonPath("$.components.schemas.GridNode.properties.name.maxLength").isEqualTo(1024 * 1024)
                .jsonPath("$.tags[?(@.name == 'grid')]").exists()
                // what a service keeps for itself is not published
                .jsonPath("$.paths['/internal/reindex']").doesNotExist();
    }

    @Test
    void the_description_says_what_the_gateway_adds_to_every_call() {
        awaitDescriptionWith("/api/wishes")
                .jsonPath("$.components.securitySchemes['bearer-jwt'].scheme").isEqualTo("bearer")
                .jsonPath("$.paths['/api/wishes'].post.security[0]['bearer-jwt']").exists()
                .jsonPath("$.paths['/api/wishes'].post.responses['401']['$ref']").isEqualTo("#/components/responses/Unauthenticated")
                .jsonPath("$.paths['/api/wishes'].post.responses['429']['$ref']").isEqualTo("#/components/responses/TooManyRequests")
                .jsonPath("$.paths['/api/wishes'].post.responses['503']['$ref']").isEqualTo("#/components/responses/ServiceUnavailable")
                .jsonPath("$.components.responses.TooManyRequests.content['application/problem+json']").exists()
                // every 2xx and 4xx says the rate limit; a 429 when to retry; the one server is this gateway
                .jsonPath("$.paths['/api/wishes'].post.responses['201'].headers['X-RateLimit-Limit']['$ref']")
                .isEqualTo("#/components/headers/X-RateLimit-Limit")
                .jsonPath("$.components.responses.TooManyRequests.headers['Retry-After']").exists()
                .jsonPath("$.components.responses.Forbidden.headers['X-RateLimit-Limit']").exists()
                .jsonPath("$.components.headers['X-RateLimit-Limit'].schema.maximum").exists()
                .jsonPath("$.servers[0].url").isEqualTo("/")
                .jsonPath("$.servers[0]['x-internal']").isEqualTo(false)
                .jsonPath("$.components.securitySchemes['bearer-jwt'].description").value(
                        description -> org.assertj.core.api.Assertions.assertThat((String) description).contains("RFC8725"))
                // Open311 apps call without a bearer token
                .jsonPath("$.paths['/open311/v2/services.json'].get.security").doesNotExist()
                .jsonPath("$.paths['/open311/v2/services.json'].get.responses['401']").doesNotExist();
    }

    @Test
    void a_service_that_is_down_keeps_its_part_of_the_description() throws InterruptedException {
        awaitDescriptionWith("/api/grid/nodes/{id}");
        backends.grid.stop();
        try {
            Thread.sleep(1000); // a few refreshes of the test gateway (every 300 ms)
            description().jsonPath("$.paths['/api/grid/nodes/{id}'].get").exists();
        } finally {
            backends.grid.start();
        }
    }

    @Test
    void swagger_ui_shows_the_public_description() {
        web.get().uri("/v3/api-docs/swagger-config").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.url").isEqualTo("/v3/api-docs");
        String page = web.get().uri("/swagger-ui.html").exchange()
                .expectStatus().is3xxRedirection()
                .returnResult(String.class).getResponseHeaders().getLocation().toString();
        web.get().uri(page).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
    }

    private BodyContentSpec awaitDescriptionWith(String path) {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                description().jsonPath("$.paths['" + path + "']").exists());
        return description();
    }

    private BodyContentSpec description() {
        return web.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody();
    }
}
