package org.gridgov.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Decides whether a client may make one more request. The buckets live in Redis, so all gateway
 * replicas draw on one budget. When Redis is not configured, slow or down, this replica decides
 * alone from its own buckets rather than stall or refuse traffic, and counts every such decision
 * in {@code gridgov.gateway.ratelimit.fallback}. A circuit breaker keeps an unreachable Redis from
 * costing each request its timeout.
 */
class SharedRateLimiter implements AutoCloseable {

    static final String FALLBACK_METRIC = "gridgov.gateway.ratelimit.fallback";

    private static final Logger log = LoggerFactory.getLogger(SharedRateLimiter.class);

    private final RedisTokenBuckets redis;
    private final LocalTokenBuckets local = new LocalTokenBuckets(System::currentTimeMillis);
    private final CircuitBreaker redisBreaker;
    private final Duration redisTimeout;
    private final Counter redisUnavailable;
    private final Counter redisNotConfigured;
    private final AtomicBoolean alone = new AtomicBoolean();

    /** {@code redis} is null when no Redis is configured. */
    SharedRateLimiter(RedisTokenBuckets redis, Duration redisTimeout, CircuitBreaker redisBreaker, MeterRegistry meters) {
        this.redis = redis;
        this.redisTimeout = redisTimeout;
        this.redisBreaker = redisBreaker;
        this.redisUnavailable = fallbackCounter(meters, "redis-unavailable");
        this.redisNotConfigured = fallbackCounter(meters, "redis-not-configured");
    }

    Mono<Decision> take(String client, Budget budget) {
        if (redis == null) {
            redisNotConfigured.increment();
            return Mono.fromSupplier(() -> local.take(client, budget));
        }
        return redis.take(client, budget)
                .timeout(redisTimeout)
                .transformDeferred(CircuitBreakerOperator.of(redisBreaker))
                .doOnNext(shared -> {
                    if (alone.compareAndSet(true, false)) {
                        log.info("Redis answers again: rate limits are shared by all gateway replicas again");
                    }
                })
                .onErrorResume(failure -> {
                    redisUnavailable.increment();
                    if (alone.compareAndSet(false, true)) {
                        log.warn("Redis cannot decide rate limits ({}); this replica limits on its own until it can",
                                failure.toString());
                    }
                    return Mono.fromSupplier(() -> local.take(client, budget));
                });
    }

    private static Counter fallbackCounter(MeterRegistry meters, String reason) {
        return Counter.builder(FALLBACK_METRIC)
                .description("Rate-limit decisions this replica took alone instead of on the shared Redis buckets")
                .tag("reason", reason)
                .register(meters);
    }

    @Override
    public void close() {
        if (redis != null) {
            redis.close();
        }
    }
}
