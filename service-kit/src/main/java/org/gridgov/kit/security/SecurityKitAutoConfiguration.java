package org.gridgov.kit.security;

import org.gridgov.kit.web.ProblemWriter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import reactor.core.publisher.Mono;

/**
 * Every service verifies the caller's JWT itself (issuer, signature, audience, expiry), so a
 * request that bypasses the gateway is refused just the same. Probes, metrics and the API
 * description are open; everything else needs a valid token.
 */
@AutoConfiguration(afterName = "org.gridgov.kit.web.WebKitAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class SecurityKitAutoConfiguration {

    public static final String[] OPEN_PATHS = {
            "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**"};

    @Bean
    @ConditionalOnMissingBean(SecurityWebFilterChain.class)
    SecurityWebFilterChain serviceSecurity(ServerHttpSecurity http, ServerAuthenticationEntryPoint entryPoint,
                                           ServerAccessDeniedHandler deniedHandler) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .authorizeExchange(exchanges -> exchanges
                        .matchers(ServerWebExchangeMatchers.pathMatchers(OPEN_PATHS)).permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(token -> Mono.just(
                                new CallerAuthentication(Caller.from(token), token))))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(deniedHandler))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(deniedHandler))
                .build();
    }

    @Bean
    @ConditionalOnMissingBean
    ServerAuthenticationEntryPoint problemAuthenticationEntryPoint(ProblemWriter writer) {
        return (exchange, ex) -> {
            exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer");
            return writer.write(exchange, ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                    "A valid bearer token from the GridGov issuer is required."));
        };
    }

    @Bean
    @ConditionalOnMissingBean
    ServerAccessDeniedHandler problemAccessDeniedHandler(ProblemWriter writer) {
        return (exchange, ex) -> writer.write(exchange,
                ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Your role does not allow this."));
    }
}
