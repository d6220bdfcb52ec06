package org.gridgov.apps.notification.contact;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

import org.gridgov.apps.notification.ContactBook;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * {@code gridgov.notifications.contacts.*}: where the owners of phone numbers are and apps-service's client for
 * asking them. Without a client secret (and not registering with the identity provider) nobody is reachable beyond the inbox.
 */
@Configuration(proxyBeanMethods = false)
class ContactConfiguration {

    @Bean
    ServiceToken serviceToken(@Value("${gridgov.notifications.contacts.token-uri:}") String tokenUri,
                              @Value("${gridgov.notifications.contacts.client-id:apps-service}") String clientId,
                              @Value("${gridgov.notifications.contacts.client-secret:}") String clientSecret,
                              @Value("${gridgov.notifications.contacts.register-with-local-issuer:false}") boolean local,
                              @Value("${gridgov.apps.identity.url:}") String localIssuerUrl, Clock clock) {
        if (local) {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            return new ServiceToken(WebClient.builder(), localIssuerUrl + "/oauth2/token", clientId,
                    Base64.getUrlEncoder().withoutPadding().encodeToString(secret), localIssuerUrl, clock);
        }
        return new ServiceToken(WebClient.builder(), tokenUri, clientId, clientSecret, null, clock);
    }

    @Bean
    ContactBook contactBook(@Value("${gridgov.notifications.contacts.wish-service-url:http://localhost:8083}") String wishServiceUrl,
                            @Value("${gridgov.notifications.contacts.member-service-url:http://localhost:8082}")
                            String memberServiceUrl, ServiceToken token) {
        return new OwnerContactBook(WebClient.builder(), wishServiceUrl, memberServiceUrl, token);
    }
}
