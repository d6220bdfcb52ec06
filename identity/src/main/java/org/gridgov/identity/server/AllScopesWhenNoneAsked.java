package org.gridgov.identity.server;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2ClientCredentialsAuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * The client-credentials grant as app developers are told (docs/app-developers.md): an app that names no
 * {@code scope} is granted all of its own, and the token response says which; naming some narrows them (the standard
 * check refuses a scope the app does not have).
 */
final class AllScopesWhenNoneAsked implements AuthenticationConverter {

    private final OAuth2ClientCredentialsAuthenticationConverter standard = new OAuth2ClientCredentialsAuthenticationConverter();

    @Override
    public Authentication convert(HttpServletRequest request) {
        Authentication converted = standard.convert(request);
        if (converted instanceof OAuth2ClientCredentialsAuthenticationToken asked && asked.getScopes().isEmpty()
                && asked.getPrincipal() instanceof OAuth2ClientAuthenticationToken client
                && client.getRegisteredClient() != null) {
            Set<String> own = client.getRegisteredClient().getScopes();
            return new OAuth2ClientCredentialsAuthenticationToken(client, own, asked.getAdditionalParameters());
        }
        return converted;
    }
}
