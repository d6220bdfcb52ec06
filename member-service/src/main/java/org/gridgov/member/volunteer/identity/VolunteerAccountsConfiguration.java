package org.gridgov.member.volunteer.identity;

import java.time.Clock;

import org.gridgov.kit.security.ClientCredentialsToken;
import org.gridgov.member.volunteer.VolunteerAccounts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * With member-service's client secret at GridGov's identity provider ({@code IDENTITY_MEMBER_CLIENT_SECRET}), a resident
 * registering themself as a volunteer is linked there; without one (a district's own IdP), not.
 */
@Configuration(proxyBeanMethods = false)
class VolunteerAccountsConfiguration {

    @Bean
    VolunteerAccounts volunteerAccounts(@Value("${gridgov.member.identity.url}") String identityUrl,
                                        @Value("${gridgov.member.identity.client-secret:}") String clientSecret, Clock clock) {
        ClientCredentialsToken token = new ClientCredentialsToken(WebClient.builder(), identityUrl + "/oauth2/token",
                "member-accounts", clientSecret, IdentityVolunteerAccounts.SCOPE, clock);
        return token.configured() ? new IdentityVolunteerAccounts(WebClient.builder(), identityUrl, token) : VolunteerAccounts.NONE;
    }
}
