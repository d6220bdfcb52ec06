package org.gridgov.apps.notification.contact;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

import org.gridgov.apps.notification.ContactBook;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/** The owners of phone numbers ({@link ContactProperties}) and apps-service's token for asking them. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ContactProperties.class)
class ContactConfiguration {

    @Bean
    ServiceToken serviceToken(ContactProperties contacts, @Value("${gridgov.apps.identity.url:}") String localIssuerUrl,
                              Clock clock) {
        if (contacts.registerWithLocalIssuer()) {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            return new ServiceToken(WebClient.builder(), localIssuerUrl + "/oauth2/token", contacts.clientId(),
                    Base64.getUrlEncoder().withoutPadding().encodeToString(secret), localIssuerUrl, clock);
        }
        return new ServiceToken(WebClient.builder(), contacts.tokenUri(), contacts.clientId(), contacts.clientSecret(),
                null, clock);
    }

    @Bean
    ContactBook contactBook(ContactProperties contacts, ServiceToken token) {
        return new OwnerContactBook(WebClient.builder(), contacts.wishServiceUrl(), contacts.memberServiceUrl(), token);
    }
}
