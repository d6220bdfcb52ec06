package org.gridgov.identity;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.resource.OAuth2ResourceServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;

/**
 * The API chains' common ground (all but sign-in's and the authorization server's own): they answer only the given
 * paths, keep no session and want no CSRF token — a caller proves who it is on every request, if at all.
 */
public final class StatelessChains {

    private StatelessChains() {
    }

    public static HttpSecurity stateless(HttpSecurity http, String... paths) throws Exception {
        return http.securityMatcher(paths)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
    }

    /**
     * A stateless chain for the path whose callers prove who they are with a bearer token of this server, verified
     * against its own keys as every service does; {@code authorize} says which token may do what,
     * {@code resourceServer} anything else about how a missing or refused token is answered.
     */
    public static HttpSecurity bearerTokens(HttpSecurity http, String path,
            Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> authorize,
            Customizer<OAuth2ResourceServerConfigurer<HttpSecurity>> resourceServer) throws Exception {
        return stateless(http, path)
                .authorizeHttpRequests(authorize)
                .oauth2ResourceServer(tokens -> resourceServer.customize(tokens.jwt(Customizer.withDefaults())));
    }
}
