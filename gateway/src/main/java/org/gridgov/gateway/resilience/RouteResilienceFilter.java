package org.gridgov.gateway.resilience;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.reactor.bulkhead.operator.BulkheadOperator;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.reactor.timelimiter.TimeLimiterOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.gridgov.gateway.routing.ServiceRoutes;
import org.gridgov.kit.web.ProblemWriter;
import org.gridgov.kit.web.Problems;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Guards every call to a service with that route's resilience4j bulkhead, circuit breaker and time
 * limiter (instances named after the route, configured in {@code application.yml}), and retries
 * only requests that are safe to send twice. What goes wrong upstream becomes a prompt
 * problem+json naming the route — 503 when the service is down, busy or its breaker is open, 504
 * when it is too slow, 502 when it broke off — never a hang. An open breaker lets a trial call
 * through after a while, so traffic recovers by itself once the service is back.
 */
@Component
class RouteResilienceFilter implements GlobalFilter, Ordered {

    /**
     * GET and HEAD only. A POST, even with an Idempotency-Key, is not retried here: a dropped
     * connection may hide a command still running, and the service answers a second request under
     * the same key with 422 while the first is in flight. The client holds the key and can retry.
     */
    private static final Set<HttpMethod> RETRYABLE = Set.of(HttpMethod.GET, HttpMethod.HEAD);

    private final BulkheadRegistry bulkheads;
    private final CircuitBreakerRegistry breakers;
    private final TimeLimiterRegistry timeLimiters;
    private final RetryRegistry retries;
    private final ProblemWriter problems;
    private final Map<String, Guards> guardsByRoute = new ConcurrentHashMap<>();

    RouteResilienceFilter(BulkheadRegistry bulkheads, CircuitBreakerRegistry breakers, TimeLimiterRegistry timeLimiters,
                          RetryRegistry retries, ProblemWriter problems, ServiceRoutes routes) {
        this.bulkheads = bulkheads;
        this.breakers = breakers;
        this.timeLimiters = timeLimiters;
        this.retries = retries;
        this.problems = problems;
        // created up front so that every route's breaker state is in the metrics from the start
        routes.all().forEach(route -> guards(route.id()));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getRequiredAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        Guards guards = guards(route.getId());
        Mono<HttpStatusCode> call = Mono.defer(() -> {
                    // a retry starts from a clean exchange, as the Gateway's own Retry filter does
                    ServerWebExchangeUtils.reset(exchange);
                    return chain.filter(exchange);
                })
                .onErrorMap(failure -> exchange.getResponse().isCommitted(), ResponseInterrupted::new)
                .then(Mono.fromSupplier(() -> exchange.getResponse().getStatusCode()));
        if (RETRYABLE.contains(exchange.getRequest().getMethod())) {
            call = call.transformDeferred(RetryOperator.of(guards.retry()));
        }
        return call
                .transformDeferred(TimeLimiterOperator.of(guards.timeLimiter()))
                .transformDeferred(CircuitBreakerOperator.of(guards.breaker()))
                .transformDeferred(BulkheadOperator.of(guards.bulkhead()))
                .then()
                .onErrorResume(failure -> answer(exchange, route, guards, failure));
    }

    private Mono<Void> answer(ServerWebExchange exchange, Route route, Guards guards, Throwable failure) {
        ProblemDetail problem;
        if (failure instanceof CallNotPermittedException || failure instanceof ConnectException) {
            problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", route, "is unavailable; try again shortly.");
        } else if (failure instanceof BulkheadFullException) {
            problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", route, "is busy; try again shortly.");
        } else if (failure instanceof TimeoutException) {
            problem = problem(HttpStatus.GATEWAY_TIMEOUT, "gateway-timeout", route, "did not answer in time.");
        } else if (failure instanceof IOException) {
            problem = problem(HttpStatus.BAD_GATEWAY, "bad-gateway", route, "broke off the connection.");
        } else {
            // not the service's failure (an oversized body, a bug here): the kit's handlers answer it
            return Mono.error(failure);
        }
        // drop whatever the service's half answer had already put on the response
        ServerWebExchangeUtils.reset(exchange);
        if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            Duration retryAfter = failure instanceof CallNotPermittedException
                    ? Duration.ofMillis(guards.breaker().getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1))
                    : Duration.ofSeconds(1);
            exchange.getResponse().getHeaders().set("Retry-After",
                    Long.toString(Math.max(1, (retryAfter.toMillis() + 999) / 1000)));
        }
        return problems.write(exchange, problem);
    }

    /** The detail names the service: the route's {@code service} metadata, or else its id. */
    private static ProblemDetail problem(HttpStatus status, String type, Route route, String what) {
        Object service = route.getMetadata().getOrDefault("service", route.getId());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, "The " + service + " service " + what);
        problem.setType(Problems.type(type));
        problem.setProperty("route", route.getId());
        return problem;
    }

    private Guards guards(String route) {
        return guardsByRoute.computeIfAbsent(route, id -> new Guards(bulkheads.bulkhead(id), breakers.circuitBreaker(id),
                timeLimiters.timeLimiter(id), retries.retry(id)));
    }

    @Override
    public int getOrder() {
        // around the routing and the writing of the response body, so both are guarded and timed
        return NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 1;
    }

    private record Guards(Bulkhead bulkhead, CircuitBreaker breaker, TimeLimiter timeLimiter, Retry retry) {
    }
}
