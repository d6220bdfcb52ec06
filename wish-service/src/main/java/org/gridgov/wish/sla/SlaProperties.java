package org.gridgov.wish.sla;

import java.time.Duration;
import java.util.Map;

import org.gridgov.wish.sla.domain.SlaPolicy;
import org.gridgov.contracts.Category;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gridgov.sla.*}: step deadlines by default and per category, the reminder share, and how
 * often each replica looks for due timers.
 */
@ConfigurationProperties("gridgov.sla")
public record SlaProperties(SlaPolicy.Deadlines defaults, Map<Category, SlaPolicy.Deadlines> categories,
                            @DefaultValue("0.2") double reminderShare,
                            @DefaultValue("30s") Duration pollInterval,
                            @DefaultValue("100") int batchSize) {

    public SlaPolicy policy() {
        return new SlaPolicy(defaults, categories == null ? Map.of() : categories, reminderShare);
    }
}
