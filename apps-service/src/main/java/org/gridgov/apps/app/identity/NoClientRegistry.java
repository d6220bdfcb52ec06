package org.gridgov.apps.app.identity;

import java.util.Optional;

import org.gridgov.apps.app.ClientRegistry;
import org.gridgov.apps.app.domain.ClientApp;
import reactor.core.publisher.Mono;

/**
 * No identity provider adapter configured: apps get their Open311 API key only, and their client
 * credentials are created in the IdP by its administrators (client id = app id). Revocation still
 * works here, since the services refuse a revoked app's tokens themselves.
 */
public class NoClientRegistry implements ClientRegistry {

    @Override
    public Optional<String> tokenEndpoint() {
        return Optional.empty();
    }

    @Override
    public Mono<Void> register(ClientApp app, String clientSecret) {
        return Mono.empty();
    }

    @Override
    public Mono<Void> revoke(ClientApp app) {
        return Mono.empty();
    }
}
