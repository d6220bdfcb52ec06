package org.gridgov.gateway.ratelimit;

import java.time.Duration;

/** Whether one more request may pass; if not, how long until it may. */
record Decision(boolean allowed, long remaining, Duration retryAfter) {

    static Decision allowed(long remaining) {
        return new Decision(true, remaining, Duration.ZERO);
    }

    static Decision refused(Duration retryAfter) {
        return new Decision(false, 0, retryAfter);
    }
}
