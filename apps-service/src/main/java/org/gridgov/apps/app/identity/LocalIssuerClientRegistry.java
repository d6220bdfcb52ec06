package org.gridgov.apps.app.identity;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.gridgov.kit.web.ProblemException;
import org.gridgov.apps.app.ClientRegistry;
import org.gridgov.apps.app.domain.ClientApp;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/** Registers apps with the local OIDC issuer ({@code PUT}/{@code DELETE /local/clients/{id}}): local platform and tests only. */
public class LocalIssuerClientRegistry implements ClientRegistry {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final WebClient issuer;
    private final String issuerUri;

    public LocalIssuerClientRegistry(WebClient.Builder builder, String issuerUri) {
        this.issuerUri = issuerUri;
        this.issuer = builder.baseUrl(issuerUri).build();
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
        return issuer.put().uri("/local/clients/{id}", app.id()).bodyValue(client)
                .retrieve().toBodilessEntity().timeout(TIMEOUT)
                .onErrorMap(e -> !(e instanceof ProblemException), e -> unavailable())
                .then();
    }

    @Override
    public Mono<Void> revoke(ClientApp app) {
        return issuer.delete().uri("/local/clients/{id}", app.id())
                .retrieve().toBodilessEntity().timeout(TIMEOUT)
                .onErrorMap(e -> !(e instanceof ProblemException), e -> unavailable())
                .then();
    }

    private static ProblemException unavailable() {
        return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                "The identity provider did not answer; try again in a moment.");
    }
}
