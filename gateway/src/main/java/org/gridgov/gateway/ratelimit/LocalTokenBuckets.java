package org.gridgov.gateway.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets in this replica's memory: the fallback when Redis cannot answer. Same arithmetic
 * as {@code token-bucket.lua}, so a client meets the same limits either way — per replica rather
 * than shared, until Redis is back.
 */
final class LocalTokenBuckets {

    /** Above this many clients, buckets that have filled up again are dropped: a full bucket is the same as none. */
    private static final int SWEEP_ABOVE = 100_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier clockMillis;

    LocalTokenBuckets(LongSupplier clockMillis) {
        this.clockMillis = clockMillis;
    }

    Decision take(String key, Budget budget) {
        long now = clockMillis.getAsLong();
        if (buckets.size() > SWEEP_ABOVE) {
            buckets.values().removeIf(bucket -> bucket.isFullAt(now));
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(budget, now));
        synchronized (bucket) {
            return bucket.take(now);
        }
    }

    private static final class Bucket {
        private final Budget budget;
        private double tokens;
        private long at;

        Bucket(Budget budget, long now) {
            this.budget = budget;
            this.tokens = budget.capacity();
            this.at = now;
        }

        Decision take(long now) {
            tokens = Math.min(budget.capacity(), tokens + Math.max(0, now - at) * budget.refillPerSecond() / 1000);
            at = now;
            if (tokens >= 1) {
                tokens -= 1;
                return Decision.allowed((long) tokens);
            }
            return Decision.refused(budget.timeToRefill(1 - tokens));
        }

        synchronized boolean isFullAt(long now) {
            return tokens + Math.max(0, now - at) * budget.refillPerSecond() / 1000 >= budget.capacity();
        }
    }
}
