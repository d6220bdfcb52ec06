package org.gridgov.kit.security;

import java.util.ArrayList;
import java.util.List;

import org.gridgov.kit.web.MalformedRequests;
import org.gridgov.kit.web.ProblemWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import reactor.core.publisher.Mono;

/**
 * Every service verifies the caller's JWT itself (issuer, signature, audience, expiry), so a
 * request that bypasses the gateway is refused just the same. Probes, metrics and the API
 * description are open, and so are the paths a service declares as {@link OpenPaths} (it
 * authenticates those callers itself); everything else needs a valid token. A client app that a
 * {@link RevokedClients} bean reports revoked is refused at once, whatever its token's expiry.
 */
@AutoConfiguration(afterName = "org.gridgov.kit.web.WebKitAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class SecurityKitAutoConfiguration {

    public static final String[] OPEN_PATHS = {
            "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**"};

    /** Each token verified once per process while it is valid (see {@link VerifiedTokens}); the gateway's too. */
    @Bean
    static VerifiedTokensPostProcessor verifiedTokensPostProcessor() {
        return new VerifiedTokensPostProcessor();
    }

    @Bean
    @ConditionalOnMissingBean(SecurityWebFilterChain.class)
    SecurityWebFilterChain serviceSecurity(ServerHttpSecurity http, ServerAuthenticationEntryPoint entryPoint,
                                           ServerAccessDeniedHandler deniedHandler, ObjectProvider<OpenPaths> openPaths,
                                           ObjectProvider<RevokedClients> revokedClients) {
        List<String> open = new ArrayList<>(List.of(OPEN_PATHS));
        openPaths.orderedStream().forEach(paths -> open.addAll(paths.patterns()));
        RevokedClients revoked = revokedClients.getIfAvailable(() -> clientId -> Mono.just(false));
        return BearerTokenApi.configure(http, token -> authenticate(token, revoked), entryPoint, deniedHandler)
                .authorizeExchange(exchanges -> exchanges
                        .matchers(ServerWebExchangeMatchers.pathMatchers(open.toArray(String[]::new))).permitAll()
                        .anyExchange().authenticated())
                .build();
    }

    private static Mono<CallerAuthentication> authenticate(Jwt token, RevokedClients revoked) {
        Caller caller = Caller.from(token);
        if (!caller.has(Role.CLIENT)) {
            return Mono.just(new CallerAuthentication(caller, token));
        }
        return revoked.isRevoked(caller.subject()).flatMap(isRevoked -> isRevoked
                ? Mono.error(new InvalidBearerTokenException("This client app has been revoked."))
                : Mono.just(new CallerAuthentication(caller, token)));
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

    /**
     * A request Spring Security's firewall refuses (an encoded NUL or slash, "..", "//" in the path,
     * an unprintable header) is bad input like any other: a 400 problem, not an empty 400.
     */
    @Bean
    @ConditionalOnMissingBean
    ServerExchangeRejectedHandler problemExchangeRejectedHandler(ProblemWriter writer) {
        return (exchange, rejected) -> MalformedRequests.refuse(writer, exchange);
    }

    @Bean
    @ConditionalOnMissingBean
    ServerAccessDeniedHandler problemAccessDeniedHandler(ProblemWriter writer) {
        return (exchange, ex) -> writer.write(exchange,
                ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Your role does not allow this."));
    }
}
