package org.gridgov.apps.notification.contact;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gridgov.notifications.contacts.*}: where the owners of phone numbers are (wish-service for the residents who
 * order wishes, member-service for members and units) and apps-service's client for asking them. Without a client
 * secret (and not registering with the identity provider) nobody is reachable beyond the inbox.
 *
 * @param registerWithLocalIssuer the local platform and the tests: apps-service registers its client with the identity
 *                                provider's local endpoint ({@code gridgov.apps.identity.url}), with a secret of its own
 *                                making, instead of using {@code token-uri} and {@code client-secret}
 */
@ConfigurationProperties("gridgov.notifications.contacts")
public record ContactProperties(@DefaultValue("http://localhost:8083") String wishServiceUrl,
                                @DefaultValue("http://localhost:8082") String memberServiceUrl,
                                String tokenUri, @DefaultValue("apps-service") String clientId, String clientSecret,
                                boolean registerWithLocalIssuer) {
}
