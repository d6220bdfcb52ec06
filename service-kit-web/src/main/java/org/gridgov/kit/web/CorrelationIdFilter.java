package org.gridgov.kit.web;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Accepts or creates the request's correlation id, puts it in the Reactor context and on the
 * request itself (so the gateway forwards it downstream), and echoes it exactly once.
 */
class CorrelationIdFilter implements WebFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String id = CorrelationId.acceptOrCreate(exchange.getRequest().getHeaders().getFirst(CorrelationId.HEADER));
        ServerWebExchange withId = exchange.mutate()
                .request(request -> request.headers(headers -> headers.set(CorrelationId.HEADER, id)))
                .build();
        withId.getAttributes().put(CorrelationId.KEY, id);
        // set at commit time: a proxied response may carry the downstream copy of the same header
        withId.getResponse().beforeCommit(() -> {
            withId.getResponse().getHeaders().set(CorrelationId.HEADER, id);
            return Mono.empty();
        });
        return chain.filter(withId).contextWrite(ctx -> ctx.put(CorrelationId.KEY, id));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
