package org.gridgov.apps.webhook;

import java.time.Duration;

import org.gridgov.apps.webhook.domain.RetrySchedule;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gridgov.webhooks.*}: how often each replica sends due deliveries and how many at once, how
 * long a receiver may take, the retry schedule, and whether plain-http receivers are allowed.
 */
@ConfigurationProperties("gridgov.webhooks")
public record WebhookProperties(@DefaultValue("5s") Duration pollInterval,
                                @DefaultValue("20") int batchSize,
                                @DefaultValue("10s") Duration timeout,
                                @DefaultValue("30s") Duration firstRetry,
                                @DefaultValue("1h") Duration maxRetryInterval,
                                @DefaultValue("24h") Duration giveUpAfter,
                                @DefaultValue("false") boolean allowInsecureUrls) {

    public RetrySchedule schedule() {
        return new RetrySchedule(firstRetry, maxRetryInterval, giveUpAfter);
    }

    /** A claimed delivery not finished within this is claimed again (its replica died mid-send). */
    public Duration lease() {
        return timeout.multipliedBy(3);
    }
}
