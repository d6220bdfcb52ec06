package org.gridgov.kit.security;

import reactor.core.publisher.Mono;

/**
 * Tells whether a client app's tokens must be refused before they expire: the issuer vouches for a
 * token, the service that registered the app knows it was revoked since. Declare one as a bean and
 * the kit asks it for every CLIENT caller; a revoked one gets 401 as if its token were invalid.
 */
@FunctionalInterface
public interface RevokedClients {

    /** @param clientId the token's subject */
    Mono<Boolean> isRevoked(String clientId);
}
