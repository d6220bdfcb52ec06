package org.gridgov.gateway.web;

import java.util.concurrent.TimeUnit;

import org.gridgov.kit.web.CorrelationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * One line per request on the {@code gridgov.access} logger: method, path, status, duration, route
 * and correlation id. Deliberately without the query string (an address to resolve, a phone
 * number to search), headers, client IP or subject, so no resident's personal data lands in logs.
 */
@Component
class AccessLogFilter implements WebFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger("gridgov.access");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long start = System.nanoTime();
        return chain.filter(exchange).doFinally(signal -> {
            if (log.isInfoEnabled()) {
                log.info("{} {} {} {}ms route={} correlationId={}", exchange.getRequest().getMethod(),
                        exchange.getRequest().getPath().value(), status(exchange, signal),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), route(exchange),
                        exchange.getAttributeOrDefault(CorrelationId.KEY, "-"));
            }
        });
    }

    private static String status(ServerWebExchange exchange, SignalType signal) {
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        if (signal == SignalType.CANCEL) {
            return "cancelled";
        }
        return status == null ? "-" : Integer.toString(status.value());
    }

    private static String route(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return route == null ? "-" : route.getId();
    }

    @Override
    public int getOrder() {
        // after the correlation id filter, around everything else
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
