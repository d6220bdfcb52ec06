package org.gridgov.kit.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * A service's own token (OAuth 2.0 client credentials, one scope) for its calls to another part of the platform, kept
 * until a minute before it expires. Without a secret it is not {@link #configured()}: the caller decides what that
 * means (usually: the feature is off).
 */
public class ClientCredentialsToken {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final WebClient http;
    private final String tokenUri;
    private final String basic;
    private final String scope;
    private final Clock clock;
    private final boolean configured;
    private final AtomicReference<Held> held = new AtomicReference<>();

    private record Held(String token, Instant until) {
    }

    public ClientCredentialsToken(WebClient.Builder builder, String tokenUri, String clientId, String clientSecret,
                                  String scope, Clock clock) {
        this.http = builder.build();
        this.tokenUri = tokenUri;
        this.basic = "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + (clientSecret == null ? "" : clientSecret))
                .getBytes(StandardCharsets.UTF_8));
        this.scope = scope;
        this.clock = clock;
        this.configured = clientSecret != null && !clientSecret.isBlank() && tokenUri != null && !tokenUri.isBlank();
    }

    public boolean configured() {
        return configured;
    }

    /** The token: the one held while it has more than a minute left, else a new one from the token endpoint. */
    public Mono<String> get() {
        Held current = held.get();
        if (current != null && clock.instant().isBefore(current.until())) {
            return Mono.just(current.token());
        }
        return http.post().uri(tokenUri)
                .header("Authorization", basic)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("grant_type", "client_credentials").with("scope", scope))
                .retrieve().bodyToMono(JsonNode.class).timeout(TIMEOUT)
                .map(body -> {
                    String token = body.path("access_token").asString();
                    long seconds = body.path("expires_in").asLong(300);
                    held.set(new Held(token, clock.instant().plusSeconds(Math.max(0, seconds - 60))));
                    return token;
                });
    }
}
