package org.gridgov.kit.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param pollInterval  how often the relay looks for unsent rows when no commit woke it (a safety net: a
 *                      commit that wrote rows wakes it at once through {@code LISTEN/NOTIFY})
 * @param batchSize     rows published per transaction
 * @param retryInterval pause after a failed publish (broker down) before trying again
 * @param retention     how long sent rows are kept for inspection before they are purged
 */
@ConfigurationProperties("gridgov.outbox")
public record OutboxProperties(Duration pollInterval, Integer batchSize, Duration retryInterval, Duration retention) {

    public OutboxProperties {
        pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
        batchSize = batchSize == null ? 500 : batchSize;
        retryInterval = retryInterval == null ? Duration.ofSeconds(2) : retryInterval;
        retention = retention == null ? Duration.ofDays(7) : retention;
    }
}
