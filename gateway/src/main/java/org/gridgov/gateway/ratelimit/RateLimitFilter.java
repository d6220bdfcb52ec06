package org.gridgov.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.gridgov.kit.web.ProblemWriter;
import org.springframework.cloud.gateway.support.ipresolver.RemoteAddressResolver;
import org.springframework.cloud.gateway.support.ipresolver.XForwardedRemoteAddressResolver;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Limits requests per client: a caller with a token by the token (a CLIENT app by its client id,
 * anyone else by subject), an anonymous caller (Open311 reads, the API description) by IP address.
 * A refused request gets 429 with {@code Retry-After} and never reaches a service. Every answer
 * says the client's budget ({@code X-RateLimit-Limit}) and what is left of it
 * ({@code X-RateLimit-Remaining}); answers given before the caller is known (a 401, a request the
 * security chain refuses) say the anonymous budget ({@link RateLimitHeaders}). Probes, metrics
 * scrapes and the console's static files are not limited.
 */
class RateLimitFilter implements WebFilter, Ordered {

    /** After Spring Security's filter chain (-100), which establishes who is calling. */
    static final int ORDER = -50;
    static final String LIMIT = "X-RateLimit-Limit";
    static final String REMAINING = "X-RateLimit-Remaining";

    private final SharedRateLimiter limiter;
    private final RateLimitProperties properties;
    private final RemoteAddressResolver addresses;
    private final ProblemWriter problems;
    private final Counter clientsRefused;
    private final Counter anonymousRefused;

    RateLimitFilter(SharedRateLimiter limiter, RateLimitProperties properties, ProblemWriter problems,
                    MeterRegistry meters) {
        this.limiter = limiter;
        this.properties = properties;
        this.problems = problems;
        // behind an ingress the connection comes from the proxy; a client's own X-Forwarded-For is never trusted
        this.addresses = properties.trustedProxies() > 0
                ? XForwardedRemoteAddressResolver.maxTrustedIndex(properties.trustedProxies())
                : new RemoteAddressResolver() { };
        this.clientsRefused = refusedCounter(meters, "client");
        this.anonymousRefused = refusedCounter(meters, "anonymous");
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        if (path.startsWith("/actuator/") || path.equals("/console") || path.startsWith("/console/")) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(principal -> authenticated((JwtAuthenticationToken) principal))
                .switchIfEmpty(Mono.fromSupplier(() -> anonymous(exchange)))
                .flatMap(client -> limiter.take(client.key(), client.budget()).flatMap(decision -> {
                    exchange.getResponse().getHeaders().set(LIMIT, Integer.toString(client.budget().capacity()));
                    if (decision.allowed()) {
                        exchange.getResponse().getHeaders().set(REMAINING, Long.toString(decision.remaining()));
                        return chain.filter(exchange);
                    }
                    return refuse(exchange, client, decision);
                }));
    }

    private Client authenticated(JwtAuthenticationToken authentication) {
        Jwt token = authentication.getToken();
        List<String> roles = token.getClaimAsStringList("roles");
        if (roles != null && roles.contains("CLIENT")) {
            // a third-party app's client-credentials token: the app as a whole is the client
            String clientId = firstPresent(token.getClaimAsString("client_id"), token.getClaimAsString("azp"),
                    token.getSubject());
            return new Client("client:" + clientId, properties.client(), clientsRefused);
        }
        return new Client("subject:" + token.getSubject(), properties.client(), clientsRefused);
    }

    private Client anonymous(ServerWebExchange exchange) {
        InetSocketAddress address = addresses.resolve(exchange);
        String ip = address == null || address.getAddress() == null ? "unknown" : address.getAddress().getHostAddress();
        return new Client("ip:" + ip, properties.anonymous(), anonymousRefused);
    }

    private Mono<Void> refuse(ServerWebExchange exchange, Client client, Decision decision) {
        client.refused().increment();
        exchange.getResponse().getHeaders().set(REMAINING, "0");
        long seconds = Math.max(1, (decision.retryAfter().toMillis() + 999) / 1000);
        exchange.getResponse().getHeaders().set("Retry-After", Long.toString(seconds));
        return problems.write(exchange, ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests from this client; retry after " + seconds + " s."));
    }

    private static String firstPresent(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return "unknown";
    }

    private static Counter refusedCounter(MeterRegistry meters, String kind) {
        return Counter.builder("gridgov.gateway.ratelimit.refused")
                .description("Requests refused with 429 by the rate limit")
                .tag("kind", kind)
                .register(meters);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    private record Client(String key, Budget budget, Counter refused) {
    }
}
