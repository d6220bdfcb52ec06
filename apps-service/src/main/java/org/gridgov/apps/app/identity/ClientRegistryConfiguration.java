package org.gridgov.apps.app.identity;

import java.time.Clock;

import org.gridgov.apps.app.ClientRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Picks the identity-provider adapter: {@code gridgov.apps.client-registry} = {@code identity} (GridGov's
 * identity provider, through its admin API, as apps-service's own client) or {@code none} (a district's own
 * IdP, where an administrator creates the apps' clients).
 */
@Configuration(proxyBeanMethods = false)
class ClientRegistryConfiguration {

    @Bean
    @ConditionalOnProperty(name = "gridgov.apps.client-registry", havingValue = "identity")
    ClientRegistry identityClientRegistry(@Value("${gridgov.apps.identity.url}") String issuerUri,
            @Value("${gridgov.apps.identity.internal-url:}") String internalUrl,
            @Value("${gridgov.apps.identity.client-id:apps-registry}") String clientId,
            @Value("${gridgov.apps.identity.client-secret}") String clientSecret, Clock clock) {
        return new IdentityClientRegistry(WebClient.builder(), issuerUri,
                internalUrl.isBlank() ? issuerUri : internalUrl, clientId, clientSecret, clock);
    }

    @Bean
    @ConditionalOnProperty(name = "gridgov.apps.client-registry", havingValue = "none", matchIfMissing = true)
    ClientRegistry noClientRegistry() {
        return new NoClientRegistry();
    }
}
