package org.gridgov.gateway.console;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the console is told at {@code /console/config.json}, so that one build of it works on any deployment:
 * the identity provider it signs in with (the issuer the gateway trusts unless the browser must reach it under
 * another address) and its public client id.
 */
@ConfigurationProperties("gridgov.gateway.console")
public record ConsoleProperties(String issuerUri, String clientId) {

    public ConsoleProperties {
        clientId = clientId == null || clientId.isBlank() ? "gridgov-console" : clientId;
    }

    /** The issuer's origin (scheme, host, port): where the console fetches discovery, tokens and user info. */
    public String issuerOrigin() {
        URI uri = URI.create(issuerUri);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }
}
