package org.gridgov.apps.app.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.gridgov.apps.app.ClientRegistry;
import org.gridgov.apps.app.domain.ClientApp;
import org.gridgov.kit.security.ClientCredentialsToken;
import org.gridgov.kit.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

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
    private final ClientCredentialsToken token;

    public IdentityClientRegistry(WebClient.Builder builder, String issuerUri, String internalUrl, String clientId,
            String clientSecret, Clock clock) {
        this.issuerUri = issuerUri;
        this.identity = builder.baseUrl(internalUrl).build();
        this.token = new ClientCredentialsToken(WebClient.builder(), internalUrl + "/oauth2/token", clientId, clientSecret, SCOPE, clock);
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
        return token.get().flatMap(bearer -> identity.put().uri("/internal/clients/{id}", app.id())
                        .headers(headers -> headers.setBearerAuth(bearer)).bodyValue(client)
                        .retrieve().toBodilessEntity().timeout(TIMEOUT))
                .onErrorMap(e -> !(e instanceof ProblemException), e -> unavailable())
                .then();
    }

    @Override
    public Mono<Void> revoke(ClientApp app) {
        return token.get().flatMap(bearer -> identity.delete().uri("/internal/clients/{id}", app.id())
                        .headers(headers -> headers.setBearerAuth(bearer))
                        .retrieve().toBodilessEntity().timeout(TIMEOUT))
                .onErrorMap(e -> !(e instanceof ProblemException), e -> unavailable())
                .then();
    }

    private static ProblemException unavailable() {
        return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                "The identity provider did not answer; try again in a moment.");
    }
}
