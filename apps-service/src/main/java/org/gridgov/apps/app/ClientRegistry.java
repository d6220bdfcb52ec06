package org.gridgov.apps.app;

import java.util.Optional;

import org.gridgov.apps.app.domain.ClientApp;
import reactor.core.publisher.Mono;

/**
 * The port to the identity provider that hands client apps their client-credentials tokens. The
 * local platform and the tests use GridGov's identity provider ({@code identity/IdentityClientRegistry});
 * another IdP (Keycloak, an OAuth server of the city) plugs in as another adapter that creates,
 * updates and deletes the client through its admin API, with the app id as client id and the app's
 * scopes and jurisdiction as the token's {@code scope} and {@code jurisdiction} claims.
 */
public interface ClientRegistry {

    /** The token endpoint apps call with {@code grant_type=client_credentials}; empty when this registry issues none. */
    Optional<String> tokenEndpoint();

    /** Registers the app's client (or replaces its secret, scopes and jurisdiction). */
    Mono<Void> register(ClientApp app, String clientSecret);

    /** Removes the app's client: no new tokens. Tokens already issued are refused by the services (see ClientApps). */
    Mono<Void> revoke(ClientApp app);
}
