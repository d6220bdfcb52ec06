package org.gridgov.apps.webhook.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a failed delivery is tried again: after {@code firstRetry}, doubling up to {@code maxInterval}
 * (30 s, 1 min, 2 min … 1 h, 1 h …), until {@code giveUpAfter} from the first attempt has passed —
 * then the delivery is parked for someone to look at and send again by hand.
 */
public record RetrySchedule(Duration firstRetry, Duration maxInterval, Duration giveUpAfter) {

    /** @return the time of the next attempt after {@code attemptsMade} failed ones, or empty: park it */
    public Optional<Instant> next(Instant createdAt, int attemptsMade, Instant lastAttemptAt) {
        Duration delay = firstRetry;
        for (int i = 1; i < attemptsMade && delay.compareTo(maxInterval) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        if (delay.compareTo(maxInterval) > 0) {
            delay = maxInterval;
        }
        Instant next = lastAttemptAt.plus(delay);
        return next.isAfter(createdAt.plus(giveUpAfter)) ? Optional.empty() : Optional.of(next);
    }
}
