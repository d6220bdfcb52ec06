package org.gridgov.identity.server;

import java.net.URI;
import java.time.Clock;
import java.util.List;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.gridgov.identity.IdentityProperties;
import org.gridgov.identity.user.UserAccounts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2AccessTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * Spring Authorization Server with OpenID Connect: discovery, {@code /jwks} (where the services look
 * for it), {@code /oauth2/authorize}, {@code /oauth2/token}, {@code /oauth2/revoke}, {@code /userinfo},
 * {@code /connect/logout}; registered clients and authorizations in PostgreSQL.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

    /** The endpoints a browser app on the console's origin calls directly. */
    private static final List<String> CORS_PATHS = List.of("/oauth2/token", "/oauth2/revoke", "/userinfo", "/jwks",
            "/.well-known/openid-configuration", "/.well-known/oauth-authorization-server");

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http, RegisteredClientRepository clients) throws Exception {
        http.oauth2AuthorizationServer(server -> {
                    http.securityMatcher(server.getEndpointsMatcher());
                    server.oidc(oidc -> oidc.userInfoEndpoint(userInfo -> userInfo.userInfoMapper(GridgovClaims::userInfo)));
                    server.tokenEndpoint(token -> token.accessTokenRequestConverter(new AllScopesWhenNoneAsked()));
                    server.clientAuthentication(client -> client
                            .authenticationConverter(new PublicClientRefresh.Converter())
                            .authenticationProviders(providers -> providers.add(0, new PublicClientRefresh.Provider(clients))));
                })
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    /** The issuer is fixed ({@code OIDC_ISSUER_URI}): the services compare every token's {@code iss} with it. */
    @Bean
    AuthorizationServerSettings authorizationServerSettings(@Value("${gridgov.identity.issuer:}") String issuer) {
        AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder().jwkSetEndpoint("/jwks");
        if (!issuer.isBlank()) {
            settings.issuer(issuer);
        }
        return settings.build();
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(IdentityProperties properties) {
        RSAKey key = SigningKey.load(properties.signingKey(), properties.keyDirectory());
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    @Bean
    JwtEncoder jwtEncoder(JWKSource<SecurityContext> jwkSource) {
        return new NimbusJwtEncoder(jwkSource);
    }

    /** Verifies this server's own tokens: the userinfo endpoint and the admin API take them. */
    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
        return NimbusJwtDecoder.withJwkSource(jwkSource).build();
    }

    @Bean
    OAuth2TokenGenerator<?> tokenGenerator(JwtEncoder jwtEncoder, UserAccounts users, Clock clock, MeterRegistry meters) {
        JwtGenerator jwts = new JwtGenerator(jwtEncoder);
        GridgovClaims claims = new GridgovClaims(users);
        // from 0 at start for the grants the dashboard shows (sign-ins through the console, apps and services)
        List.of("authorization_code", "refresh_token", "client_credentials").forEach(grant ->
                meters.counter("gridgov.identity.tokens.issued", "grant_type", grant, "token", "access_token"));
        // gridgov_identity_tokens_issued_total{grant_type, token}: every JWT signed, after its claims are set
        jwts.setJwtCustomizer(context -> {
            claims.customize(context);
            meters.counter("gridgov.identity.tokens.issued",
                    "grant_type", context.getAuthorizationGrantType() == null ? "none" : context.getAuthorizationGrantType().getValue(),
                    "token", context.getTokenType().getValue()).increment();
        });
        return new DelegatingOAuth2TokenGenerator(jwts, new OAuth2AccessTokenGenerator(), new PublicClientRefresh.Tokens(clock));
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(JdbcTemplate jdbc) {
        return new JdbcRegisteredClientRepository(jdbc);
    }

    @Bean
    OAuth2AuthorizationService authorizationService(JdbcTemplate jdbc, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationService(jdbc, clients);
    }

    /**
     * CORS for the console's origins on the endpoints it calls from the browser, ahead of Spring
     * Security so that a preflight is answered before any authentication.
     */
    @Bean
    FilterRegistrationBean<CorsFilter> corsFilter(IdentityProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.consoleBaseUrls().stream().map(AuthorizationServerConfiguration::origin).toList());
        cors.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "DPoP"));
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        CORS_PATHS.forEach(path -> source.registerCorsConfiguration(path, cors));
        FilterRegistrationBean<CorsFilter> filter = new FilterRegistrationBean<>(new CorsFilter(source));
        filter.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return filter;
    }

    static String origin(URI baseUrl) {
        return baseUrl.getScheme() + "://" + baseUrl.getAuthority();
    }
}
