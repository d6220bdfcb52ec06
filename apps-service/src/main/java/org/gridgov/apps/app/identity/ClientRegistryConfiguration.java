package org.gridgov.apps.app.identity;

import org.gridgov.apps.app.ClientRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/** Picks the identity-provider adapter: {@code gridgov.apps.client-registry} = {@code local-issuer} or {@code none}. */
@Configuration(proxyBeanMethods = false)
class ClientRegistryConfiguration {

    @Bean
    @ConditionalOnProperty(name = "gridgov.apps.client-registry", havingValue = "local-issuer")
    ClientRegistry localIssuerClientRegistry(@Value("${gridgov.apps.local-issuer-url}") String issuerUri) {
        return new LocalIssuerClientRegistry(WebClient.builder(), issuerUri);
    }

    @Bean
    @ConditionalOnProperty(name = "gridgov.apps.client-registry", havingValue = "none", matchIfMissing = true)
    ClientRegistry noClientRegistry() {
        return new NoClientRegistry();
    }
}
