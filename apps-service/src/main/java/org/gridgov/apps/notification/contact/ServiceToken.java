package org.gridgov.apps.notification.contact;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.gridgov.kit.security.ClientCredentialsToken;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

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

    private final ClientCredentialsToken token;
    private final Mono<Void> registration;

    /** {@code localIssuerUrl} non-null: register the client there first (the local platform and the tests). */
    public ServiceToken(WebClient.Builder builder, String tokenUri, String clientId, String clientSecret,
                        String localIssuerUrl, Clock clock) {
        this.token = new ClientCredentialsToken(builder, tokenUri, clientId, clientSecret, SCOPE, clock);
        this.registration = localIssuerUrl == null || !configured() ? Mono.empty()
                : builder.build().put().uri(localIssuerUrl + "/local/clients/{id}", clientId)
                        .bodyValue(Map.of("secret", clientSecret, "scope", SCOPE))
                        .retrieve().toBodilessEntity().timeout(TIMEOUT).then()
                        // once registered, for good; a failed registration (the issuer slow to answer) is tried again
                        .cache(done -> FOREVER, failed -> Duration.ZERO, () -> FOREVER);
    }

    public boolean configured() {
        return token.configured();
    }

    public Mono<String> get() {
        return registration.then(token.get());
    }
}
