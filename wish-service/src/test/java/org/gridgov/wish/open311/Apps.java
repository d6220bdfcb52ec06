package org.gridgov.wish.open311;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;

import org.gridgov.wish.Neighbourhood;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Client apps as apps-service announces them on apps.events (it registers them; this service only
 * learns their API keys' hashes), for the tests of the Open311 door.
 */
final class Apps {

    /** An app as its developer holds it. */
    record Registered(UUID id, String apiKey) {
    }

    private Apps() {
    }

    /** An app in {@code jurisdiction} with these scopes (space-separated) and an API key, once this service knows it. */
    static Registered register(WebTestClient web, UUID jurisdiction, String scopes) {
        Registered app = new Registered(UUID.randomUUID(), "gg_key_" + UUID.randomUUID() + UUID.randomUUID());
        Neighbourhood.appCredentialsIssued(app.id(), Arrays.asList(scopes.split(" ")), jurisdiction, sha256(app.apiKey()));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> known(web, app.apiKey()));
        return app;
    }

    /** Whether the Open311 door takes the key: any answer but "Invalid api_key" (an app without wishes:read gets another 403). */
    static boolean known(WebTestClient web, String apiKey) {
        String body = web.get().uri("/open311/v2/requests.json").header("X-API-Key", apiKey).exchange()
                .expectBody(String.class).returnResult().getResponseBody();
        return body == null || !body.contains("Invalid api_key");
    }

    private static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
