package org.gridgov.gateway.ratelimit;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Runs before Spring Security, so that the answers given before {@link RateLimitFilter} knows the
 * caller (a 401 for a missing or invalid token, a 403 at the door, a 400 from the firewall) say a
 * rate limit too: the anonymous budget, which {@link RateLimitFilter} replaces with the caller's own
 * once it is known. The API description promises {@code X-RateLimit-Limit} on every 2xx and 4xx.
 */
class RateLimitHeaders implements WebFilter, Ordered {

    /** Before Spring Security's filter chain (-100). */
    static final int ORDER = -200;

    private final String anonymousLimit;

    RateLimitHeaders(Budget anonymous) {
        this.anonymousLimit = Integer.toString(anonymous.capacity());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().startsWith("/actuator/")) {
            exchange.getResponse().getHeaders().set(RateLimitFilter.LIMIT, anonymousLimit);
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
