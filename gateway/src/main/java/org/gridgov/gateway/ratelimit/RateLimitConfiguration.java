package org.gridgov.gateway.ratelimit;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.gridgov.kit.web.ProblemWriter;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

    /** The resilience4j circuit breaker (configured in application.yml) in front of Redis. */
    static final String REDIS_BREAKER = "rate-limit-redis";

    @Bean
    SharedRateLimiter sharedRateLimiter(RateLimitProperties properties, CircuitBreakerRegistry breakers,
                                        MeterRegistry meters) {
        RedisTokenBuckets redis = null;
        if (properties.redisConfigured()) {
            redis = new RedisTokenBuckets(properties.redisUrl(), properties.redisTimeout());
        } else {
            LoggerFactory.getLogger(RateLimitConfiguration.class)
                    .warn("REDIS_URL is not set: each gateway replica enforces rate limits on its own");
        }
        return new SharedRateLimiter(redis, properties.redisTimeout(), breakers.circuitBreaker(REDIS_BREAKER), meters);
    }

    @Bean
    RateLimitHeaders rateLimitHeaders(RateLimitProperties properties) {
        return new RateLimitHeaders(properties.anonymous());
    }

    @Bean
    RateLimitFilter rateLimitFilter(SharedRateLimiter limiter, RateLimitProperties properties, ProblemWriter problems,
                                    MeterRegistry meters) {
        return new RateLimitFilter(limiter, properties, problems, meters);
    }
}
