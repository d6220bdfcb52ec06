package org.gridgov.gateway.ratelimit;

import java.time.Duration;

/**
 * A token bucket's size: up to {@code capacity} requests in a burst, refilled at
 * {@code refillPerSecond} (which may be below one: 0.5 is one request every two seconds).
 */
public record Budget(int capacity, double refillPerSecond) {

    public Budget {
        if (capacity < 1 || refillPerSecond <= 0) {
            throw new IllegalArgumentException("a rate-limit budget needs capacity >= 1 and refill > 0");
        }
    }

    /** How long until {@code tokens} more have been added. */
    Duration timeToRefill(double tokens) {
        return Duration.ofMillis((long) Math.ceil(tokens * 1000 / refillPerSecond));
    }
}
