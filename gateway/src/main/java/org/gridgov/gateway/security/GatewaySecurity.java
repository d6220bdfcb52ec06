package org.gridgov.gateway.security;

import org.gridgov.gateway.console.ConsoleProperties;
import org.gridgov.gateway.console.ConsoleResources;
import org.gridgov.kit.security.BearerTokenApi;
import org.gridgov.kit.security.SecurityKitAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;

/**
 * The gateway's own security chain, in place of the kit's: the same JWT validation (issuer,
 * signature via JWKS, audience, expiry — configured by the kit's defaults) and problem+json 401/403
 * (and 400 for a request the firewall refuses: the kit's handlers),
 * plus what only the public entry needs: the coarse role check of {@link AccessPolicy}, the
 * anonymous Open311 facade, the console's static files ({@link ConsoleResources}), CORS for browser apps and security headers on every response.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CorsProperties.class)
class GatewaySecurity {

    /** GeoReport v2 apps call without a bearer token (reads are public, posts carry an api_key the facade checks). */
    private static final String OPEN311 = "/open311/**";

    /**
     * Enough for Swagger UI and the console (their scripts and styles are served from here; the console fetches
     * from the identity provider and shows wish photos it fetched with its token as blobs); nothing may frame the API.
     */
    private static String contentSecurityPolicy(ConsoleProperties console) {
        return "default-src 'self'; connect-src 'self' " + console.issuerOrigin() + "; img-src 'self' data: blob:; "
                + "style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
    }

    @Bean
    SecurityWebFilterChain gatewaySecurityChain(ServerHttpSecurity http, ServerAuthenticationEntryPoint entryPoint,
                                                ServerAccessDeniedHandler deniedHandler, CorsProperties cors,
                                                ConsoleProperties console) {
        return BearerTokenApi.configure(http, rolesFromToken(), entryPoint, deniedHandler)
                .cors(spec -> spec.configurationSource(cors.source()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(console)))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .authorizeExchange(exchanges -> {
                    exchanges.pathMatchers(SecurityKitAutoConfiguration.OPEN_PATHS).permitAll();
                    exchanges.pathMatchers(OPEN311).permitAll();
                    exchanges.pathMatchers(HttpMethod.GET, ConsoleResources.PATHS).permitAll();
                    AccessPolicy.RULES.forEach(rule ->
                            exchanges.pathMatchers(rule.method(), rule.path()).hasAnyRole(rule.roles()));
                    exchanges.anyExchange().authenticated();
                })
                .build();
    }

    /** The token's {@code roles} claim as {@code ROLE_<role>} authorities; the principal's name is its subject. */
    private static ReactiveJwtAuthenticationConverterAdapter rolesFromToken() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName("roles");
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }
}
