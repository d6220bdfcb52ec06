package org.gridgov.gateway;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.gridgov.gateway.support.Backends;
import org.gridgov.kit.test.ServiceIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of the gateway's integration tests: the real gateway on a random port in front of four
 * recording backends (real HTTP servers standing in for the services), with tokens from the real
 * identity provider. Settings are tuned so that breakers open and recover within a test's patience.
 * Subclasses share one application context; those that change settings get their own.
 */
public abstract class GatewayIntegrationTest extends ServiceIntegrationTest {

    protected static final Backends backends = Backends.get();

    @Autowired
    protected WebTestClient web;

    @DynamicPropertySource
    static void gatewaySettings(DynamicPropertyRegistry registry) {
        settings().forEach((name, value) -> registry.add(name, () -> value));
    }

    /** What every test gateway is started with; a second replica started by a test uses them too. */
    protected static Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("OIDC_ISSUER_URI", infrastructure().issuer().issuerUri());
        settings.put("OIDC_JWKS_URI", infrastructure().issuer().jwksUri());
        settings.put("GRID_SERVICE_URL", backends.grid.url());
        settings.put("MEMBER_SERVICE_URL", backends.member.url());
        settings.put("WISH_SERVICE_URL", backends.wish.url());
        settings.put("MATCHING_SERVICE_URL", backends.matching.url());
        settings.put("COMMITTEE_SERVICE_URL", backends.committee.url());
        settings.put("FIELDWORK_SERVICE_URL", backends.fieldwork.url());
        settings.put("APPS_SERVICE_URL", backends.apps.url());
        settings.put("IDENTITY_SERVICE_URL", backends.identity.url());
        // budgets no test runs out of by accident (the rate-limit test sets its own)
        settings.put("RATE_LIMIT_CLIENT_BURST", "10000");
        settings.put("RATE_LIMIT_ANONYMOUS_BURST", "10000");
        settings.put("GATEWAY_CORS_ORIGINS", "https://app.gridgov.example");
        settings.put("resilience4j.circuitbreaker.configs.default.minimum-number-of-calls", "4");
        settings.put("resilience4j.circuitbreaker.configs.default.sliding-window-size", "8");
        settings.put("resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state", "3s");
        settings.put("resilience4j.timelimiter.configs.default.timeout-duration", "2s");
        settings.put("GATEWAY_ROUTE_CONCURRENCY", "4");
        settings.put("gridgov.gateway.api-docs.refresh-interval", "300ms");
        return settings;
    }

    /** A request's headers: the caller's token (none when null) and the request's own correlation id. */
    protected static Consumer<HttpHeaders> as(String token, String requestId) {
        return headers -> {
            if (token != null) {
                headers.setBearerAuth(token);
            }
            headers.set("X-Correlation-Id", requestId);
        };
    }

    /** A fresh correlation id: sent with a request, it finds that request among what a backend received. */
    protected static String requestId() {
        return "test-" + UUID.randomUUID();
    }
}
