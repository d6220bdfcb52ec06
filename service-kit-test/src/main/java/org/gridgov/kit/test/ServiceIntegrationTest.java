package org.gridgov.kit.test;

import org.gridgov.infra.TokenRequest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of a service's integration tests: the whole application on a random port, against a real
 * PostgreSQL database of its own, the real Kafka broker and the identity provider.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
public abstract class ServiceIntegrationTest {

    @DynamicPropertySource
    static void realInfrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure infra = RealInfrastructure.get();
        String database = infra.newDatabase("it");
        registry.add("DB_HOST", infra.postgres()::host);
        registry.add("DB_PORT", infra.postgres()::port);
        registry.add("DB_NAME", () -> database);
        registry.add("DB_USER", infra.postgres()::username);
        registry.add("DB_PASSWORD", infra.postgres()::password);
        registry.add("KAFKA_BOOTSTRAP_SERVERS", infra.kafka()::bootstrapServers);
        registry.add("OIDC_ISSUER_URI", infra.issuer()::issuerUri);
        registry.add("OIDC_JWKS_URI", () -> infra.issuer().issuerUri() + "/jwks");
        // the in-process broker shares the test's logging; Spring resets levels per context
        registry.add("logging.level.kafka", () -> "WARN");
        registry.add("logging.level.org.apache.kafka", () -> "WARN");
        // the test machines are shared and sometimes slow: a test fails on a wrong answer, not on a late one
        registry.add("spring.test.webtestclient.timeout", () -> "60s");
        // tests want events to move fast: a commit wakes the relay (LISTEN/NOTIFY); the poll is a safety net
        registry.add("gridgov.outbox.poll-interval", () -> "1s");
        registry.add("gridgov.outbox.retry-interval", () -> "500ms");
        registry.add("gridgov.events.retry-back-off", () -> "50ms");
    }

    protected static RealInfrastructure infrastructure() {
        return RealInfrastructure.get();
    }

    /** A valid token from the identity provider for a caller with these roles. */
    protected static String token(String... roles) {
        return token(TokenRequest.of("test-" + String.join("-", roles).toLowerCase(), roles));
    }

    protected static String token(TokenRequest request) {
        return infrastructure().issuer().issue(request);
    }
}
