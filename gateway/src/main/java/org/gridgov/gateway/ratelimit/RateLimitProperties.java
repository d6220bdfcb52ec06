package org.gridgov.gateway.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code gridgov.gateway.rate-limit}: the budgets per client and per anonymous IP address, where
 * the shared buckets live ({@code REDIS_URL}; empty: this replica limits on its own), how long a
 * Redis answer may take before the replica decides alone, and how many proxies in front of the
 * gateway are trusted to report the client's address in {@code X-Forwarded-For}.
 */
@ConfigurationProperties("gridgov.gateway.rate-limit")
record RateLimitProperties(String redisUrl, Duration redisTimeout, int trustedProxies, Budget client,
                           Budget anonymous) {

    boolean redisConfigured() {
        return redisUrl != null && !redisUrl.isBlank();
    }
}
