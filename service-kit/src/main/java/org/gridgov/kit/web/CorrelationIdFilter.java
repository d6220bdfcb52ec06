package org.gridgov.kit.web;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Accepts or creates the request's correlation id, echoes it and puts it in the Reactor context. */
class CorrelationIdFilter implements WebFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String id = CorrelationId.acceptOrCreate(exchange.getRequest().getHeaders().getFirst(CorrelationId.HEADER));
        exchange.getResponse().getHeaders().set(CorrelationId.HEADER, id);
        exchange.getAttributes().put(CorrelationId.KEY, id);
        return chain.filter(exchange).contextWrite(ctx -> ctx.put(CorrelationId.KEY, id));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
