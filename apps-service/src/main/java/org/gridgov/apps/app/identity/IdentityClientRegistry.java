package org.gridgov.apps.app.identity;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.gridgov.apps.app.ClientRegistry;
import org.gridgov.apps.app.domain.ClientApp;
import org.gridgov.kit.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Registers apps with GridGov's identity provider through its admin API ({@code PUT}/{@code DELETE
 * /internal/clients/{id}}), as apps-service's own client {@code apps-registry} ({@code client_credentials},
 * scope {@value #SCOPE}). A revoked app's client is deleted there, so its secret gets no token any more. The admin
 * API is called at the provider's address inside the platform; apps are told the token endpoint under the public
 * issuer.
 */
public class IdentityClientRegistry implements ClientRegistry {

    static final String SCOPE = "clients:write";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final WebClient identity;
    private final String issuerUri;
    private final String basic;
    private final Clock clock;
    private final AtomicReference<Held> held = new AtomicReference<>();

    private record Held(String token, Instant until) {
    }

    public IdentityClientRegistry(WebClient.Builder builder, String issuerUri, String internalUrl, String clientId,
            String clientSecret, Clock clock) {
        this.issuerUri = issuerUri;
        this.identity = builder.baseUrl(internalUrl).build();
        this.basic = "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        this.clock = clock;
    }

    @Override
    public Optional<String> tokenEndpoint() {
        return Optional.of(issuerUri + "/oauth2/token");
    }

    @Override
    public Mono<Void> register(ClientApp app, String clientSecret) {
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("secret", clientSecret);
        client.put("scope", String.join(" ", app.scopes().stream().sorted().toList()));
        client.put("jurisdiction", app.jurisdiction().toString());
        return token().flatMap(token -> identity.put().uri("/internal/clients/{id}", app.id())
                        .headers(headers -> headers.setBearerAuth(token)).bodyValue(client)
                        .retrieve().toBodilessEntity().timeout(TIMEOUT))
                .onErrorMap(e -> !(e instanceof ProblemException), e -> unavailable())
                .then();
    }

    @Override
    public Mono<Void> revoke(ClientApp app) {
        return token().flatMap(token -> identity.delete().uri("/internal/clients/{id}", app.id())
                        .headers(headers -> headers.setBearerAuth(token))
                        .retrieve().toBodilessEntity().timeout(TIMEOUT))
                .onErrorMap(e -> !(e instanceof ProblemException), e -> unavailable())
                .then();
    }

    /** apps-service's own token, kept until a minute before it expires. */
    private Mono<String> token() {
        Held current = held.get();
        if (current != null && clock.instant().isBefore(current.until())) {
            return Mono.just(current.token());
        }
        return identity.post().uri("/oauth2/token")
                .header("Authorization", basic)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("grant_type", "client_credentials").with("scope", SCOPE))
                .retrieve().bodyToMono(JsonNode.class).timeout(TIMEOUT)
                .map(body -> {
                    String token = body.path("access_token").asString();
                    long seconds = body.path("expires_in").asLong(300);
                    held.set(new Held(token, clock.instant().plusSeconds(Math.max(0, seconds - 60))));
                    return token;
                });
    }

    private static ProblemException unavailable() {
        return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                "The identity provider did not answer; try again in a moment.");
    }
}
