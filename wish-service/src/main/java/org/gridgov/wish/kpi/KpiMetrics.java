package org.gridgov.wish.kpi;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.gridgov.wish.kpi.domain.Kpis;
import org.gridgov.wish.kpi.persistence.KpiStore;
import org.gridgov.kit.runtime.PeriodicTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The KPIs of every community as Prometheus gauges (tag {@code community}), refreshed periodically
 * over the last 365 days, for the district dashboards. Per community, not per grid: 200 communities
 * are a fair number of series, 2,000 grids would not be.
 */
@Component
class KpiMetrics extends PeriodicTask {

    private static final Duration PERIOD = Duration.ofDays(365);

    private final KpiStore store;
    private final Clock clock;
    private final MultiGauge submitted;
    private final MultiGauge overdueOpen;
    private final MultiGauge fulfilmentRate;
    private final MultiGauge onTimeRate;
    private final MultiGauge satisfaction;
    private final MultiGauge reopenRate;
    private final MultiGauge urges;

    KpiMetrics(KpiStore store, Clock clock, MeterRegistry meters,
               @Value("${gridgov.kpi.metrics-interval:60s}") Duration interval) {
        super("refreshing the KPI gauges", interval);
        this.store = store;
        this.clock = clock;
        this.submitted = MultiGauge.builder("gridgov.wish.kpi.submitted")
                .description("wishes submitted in the last 365 days").register(meters);
        this.overdueOpen = MultiGauge.builder("gridgov.wish.kpi.overdue.open")
                .description("wishes still open and past a deadline").register(meters);
        this.fulfilmentRate = MultiGauge.builder("gridgov.wish.kpi.fulfilment.rate")
                .description("claimed or closed ÷ submitted").register(meters);
        this.onTimeRate = MultiGauge.builder("gridgov.wish.kpi.on.time.rate")
                .description("closed on time ÷ (closed + overdue still open)").register(meters);
        this.satisfaction = MultiGauge.builder("gridgov.wish.kpi.satisfaction")
                .description("ratings of 4 or 5 ÷ ratings").register(meters);
        this.reopenRate = MultiGauge.builder("gridgov.wish.kpi.reopen.rate")
                .description("reopened ÷ closed at least once").register(meters);
        this.urges = MultiGauge.builder("gridgov.wish.kpi.urges")
                .description("urges (催单) on the wishes submitted in the last 365 days").register(meters);
    }

    @Override
    protected Mono<Void> runOnce() {
        Instant now = clock.instant();
        return store.byCommunity(now.minus(PERIOD), now.plusSeconds(1), now).doOnNext(byCommunity -> {
            submitted.register(rows(byCommunity, k -> Optional.of(BigDecimal.valueOf(k.tally().submitted()))), true);
            overdueOpen.register(rows(byCommunity, k -> Optional.of(BigDecimal.valueOf(k.tally().overdueOpen()))), true);
            fulfilmentRate.register(rows(byCommunity, Kpis::fulfilmentRate), true);
            onTimeRate.register(rows(byCommunity, Kpis::onTimeRate), true);
            satisfaction.register(rows(byCommunity, Kpis::satisfaction), true);
            reopenRate.register(rows(byCommunity, Kpis::reopenRate), true);
            urges.register(rows(byCommunity, k -> Optional.of(BigDecimal.valueOf(k.pushBack().urges()))), true);
        }).then();
    }

    private static List<MultiGauge.Row<?>> rows(Map<UUID, Kpis> byCommunity, Function<Kpis, Optional<BigDecimal>> figure) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        byCommunity.forEach((community, kpis) -> figure.apply(kpis).ifPresent(value ->
                rows.add(MultiGauge.Row.of(Tags.of("community", community.toString()), value.doubleValue()))));
        return rows;
    }
}
