package org.gridgov.identity;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The identity provider's settings ({@code gridgov.identity.*}).
 *
 * @param consoleBaseUrls  the gateway base URLs the console is served from: its redirect URIs and the CORS origins
 * @param signingKey       the signing key as a PEM private key (a deployment's Secret, shared by every replica);
 *                         none: the key directory's
 * @param keyDirectory     where the signing key is kept (tokens stay valid across restarts); none: a new key per start
 * @param localTokens      {@code /local/**}: persona tokens, client and user set-up without authentication —
 *                         local platform and tests only, never in a deployment
 * @param serviceClients   the platform's own clients (client credentials), by client id: their secret and scopes
 */
@ConfigurationProperties("gridgov.identity")
public record IdentityProperties(
        @DefaultValue("http://localhost:8080") List<URI> consoleBaseUrls,
        String signingKey,
        Path keyDirectory,
        @DefaultValue("false") boolean localTokens,
        @DefaultValue("10m") Duration accessTokenLifetime,
        @DefaultValue("8h") Duration refreshTokenLifetime,
        @DefaultValue Lockout lockout,
        Map<String, ServiceClient> serviceClients) {

    public IdentityProperties {
        serviceClients = serviceClients == null ? Map.of() : Map.copyOf(serviceClients);
    }

    /** After {@code maxFailures} wrong passwords in a row the account is locked for {@code duration}. */
    public record Lockout(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration duration) {
    }

    /** A platform service's own client: its secret (empty: not registered) and space-separated scopes. */
    public record ServiceClient(String secret, String scope) {
    }
}
