package org.gridgov.kit.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import reactor.core.publisher.Mono;

/**
 * The security every GridGov HTTP entry shares, the gateway's and each service's: a stateless API that takes
 * bearer tokens only (no sessions, CSRF, Basic, form login or logout), answering 401 and 403 as problem+json.
 * The caller adds what is its own: which paths are open, and, at the gateway, CORS and headers.
 */
public final class BearerTokenApi {

    private BearerTokenApi() {
    }

    public static ServerHttpSecurity configure(ServerHttpSecurity http,
                                               Converter<Jwt, ? extends Mono<? extends AbstractAuthenticationToken>> authentication,
                                               ServerAuthenticationEntryPoint entryPoint, ServerAccessDeniedHandler deniedHandler) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(authentication))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(deniedHandler))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(deniedHandler));
    }
}
