package org.gridgov.kit.security;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.gridgov.infra.TokenRequest;
import org.gridgov.kit.events.CloudEvent;
import org.gridgov.kit.events.CloudEventKafka;
import org.gridgov.kit.test.ServiceIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The security chain's two hooks: paths a service opens with an {@link OpenPaths} bean need no token,
 * and a client app announced revoked on wish.events has its still-valid tokens refused.
 */
@TestPropertySource(properties = "gridgov.revoked-clients.enabled=true")
@Import(ClientsAndOpenPathsIT.Open.class)
class ClientsAndOpenPathsIT extends ServiceIntegrationTest {

    private static final String REVOKED = UUID.randomUUID().toString();

    @Autowired
    WebTestClient web;

    @TestConfiguration(proxyBeanMethods = false)
    static class Open {
        @Bean
        OpenPaths openForTest() {
            return () -> List.of("/open/**");
        }
    }

    @BeforeAll
    static void announceRevocation() {
        infrastructure().kafka().createTopics(Set.of("apps.events", "apps.events.dlt"), 3);
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                infrastructure().kafka().bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            String data = "{\"appId\":\"" + REVOKED + "\",\"actor\":{\"id\":\"admin\",\"role\":\"DISTRICT_ADMIN\"},"
                    + "\"occurredAt\":\"" + Instant.now() + "\"}";
            producer.send(CloudEventKafka.toRecord("apps.events", new CloudEvent(UUID.randomUUID().toString(),
                    "org.gridgov.app.revoked.v1", "apps-service", REVOKED, Instant.now(), Optional.empty(), data)));
        }
    }

    @Test
    void an_open_path_needs_no_token_while_every_other_path_still_does() {
        // nothing is mapped there: a 404 rather than a 401 shows that security let it through
        web.get().uri("/open/anything").exchange().expectStatus().isNotFound();
        web.get().uri("/api/parcels/" + UUID.randomUUID()).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void a_revoked_apps_unexpired_token_is_refused_and_other_apps_are_not() {
        String revoked = token(TokenRequest.of(REVOKED, "CLIENT").withScope("wishes:read"));
        String active = token(TokenRequest.of(UUID.randomUUID().toString(), "CLIENT").withScope("wishes:read"));
        String path = "/api/parcels/" + UUID.randomUUID();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> web.get().uri(path)
                .headers(h -> h.setBearerAuth(revoked)).exchange().returnResult(String.class).getStatus()
                == HttpStatus.UNAUTHORIZED);
        web.get().uri(path).headers(h -> h.setBearerAuth(active)).exchange().expectStatus().isNotFound();
        // a person's token with the same subject is no client app's
        web.get().uri(path).headers(h -> h.setBearerAuth(token(TokenRequest.of(REVOKED, "GRID_STAFF"))))
                .exchange().expectStatus().isNotFound();
    }
}
