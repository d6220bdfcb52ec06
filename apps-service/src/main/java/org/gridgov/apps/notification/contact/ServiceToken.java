package org.gridgov.apps.notification.contact;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * apps-service's own token for service-to-service reads (OAuth 2.0 client credentials, scope {@value #SCOPE}), kept
 * until a minute before it expires. The client is created in the district's IdP with this scope and its secret put in
 * the Secret {@code apps-notifications-client}; on the local platform apps-service registers it with the identity provider
 * itself, with a secret of its own making.
 */
public class ServiceToken {

    public static final String SCOPE = "contacts:read";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration FOREVER = Duration.ofDays(36500);

    private final WebClient http;
    private final String tokenUri;
    private final String clientId;
    private final String clientSecret;
    private final Mono<Void> registration;
    private final Clock clock;
    private final AtomicReference<Held> held = new AtomicReference<>();

    private record Held(String token, Instant until) {
    }

    /** {@code localIssuerUrl} non-null: register the client there first (the local platform and the tests). */
    public ServiceToken(WebClient.Builder builder, String tokenUri, String clientId, String clientSecret,
                        String localIssuerUrl, Clock clock) {
        this.http = builder.build();
        this.tokenUri = tokenUri;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.clock = clock;
        this.registration = localIssuerUrl == null || !configured() ? Mono.empty()
                : http.put().uri(localIssuerUrl + "/local/clients/{id}", clientId)
                        .bodyValue(Map.of("secret", clientSecret, "scope", SCOPE))
                        .retrieve().toBodilessEntity().timeout(TIMEOUT).then()
                        // once registered, for good; a failed registration (the issuer slow to answer) is tried again
                        .cache(done -> FOREVER, failed -> Duration.ZERO, () -> FOREVER);
    }

    public boolean configured() {
        return clientSecret != null && !clientSecret.isBlank() && tokenUri != null && !tokenUri.isBlank();
    }

    public Mono<String> get() {
        Held current = held.get();
        if (current != null && clock.instant().isBefore(current.until())) {
            return Mono.just(current.token());
        }
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return registration.then(http.post().uri(tokenUri)
                        .header("Authorization", "Basic " + basic)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .body(BodyInserters.fromFormData("grant_type", "client_credentials").with("scope", SCOPE))
                        .retrieve().bodyToMono(JsonNode.class).timeout(TIMEOUT))
                .map(body -> {
                    String token = body.path("access_token").asString();
                    long seconds = body.path("expires_in").asLong(300);
                    held.set(new Held(token, clock.instant().plusSeconds(Math.max(0, seconds - 60))));
                    return token;
                });
    }
}
