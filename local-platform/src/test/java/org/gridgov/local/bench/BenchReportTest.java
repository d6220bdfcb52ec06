package org.gridgov.local.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BenchReportTest {

    @Test
    void percentilesAreByNearestRank() {
        Latencies latencies = new Latencies();
        for (int ms = 100; ms >= 1; ms--) {
            latencies.record(ms * 1_000_000L);
        }
        assertThat(latencies.percentileMillis(50)).isEqualTo(50.0);
        assertThat(latencies.percentileMillis(99)).isEqualTo(99.0);
        assertThat(latencies.percentileMillis(100)).isEqualTo(100.0);
        assertThat(new Latencies().percentileMillis(50)).isNaN();
    }

    @Test
    void ratesAreSuccessesPerSecondAndRatiosAreAgainstTheBaselineAndTheDirectCall() {
        BenchReport report = new BenchReport();
        report.add(new Figure("insert", BenchReport.POSTGRES, 40_000, 400_000, 0, Double.NaN, Double.NaN));
        Latencies gatewayLatencies = latencies(4, 12);
        Latencies directLatencies = latencies(2, 5);
        Figure gateway = Figure.of("order", BenchReport.GATEWAY, 1_000, 3, 10.0, gatewayLatencies);
        Figure direct = Figure.of("order", BenchReport.DIRECT, 2_000, 0, 10.0, directLatencies);
        report.add(gateway);
        report.add(direct);

        assertThat(gateway.perSecond()).isEqualTo(100.0);
        assertThat(report.ofBaseline(gateway)).isEqualTo(0.0025);
        assertThat(report.gatewayOverDirect(gateway)).isEqualTo(0.5);
        assertThat(report.gatewayOverDirect(direct)).isNaN();
        assertThat(report.gatewayAddsP99(gateway)).isEqualTo(7.0);
        assertThat(report.table()).contains("order", "100.0", "0.0025", "0.50", "7.0");
        assertThat(report.json()).contains("\"perSecond\": 100.0000", "\"gatewayOverDirect\": 0.5000", "\"ofPostgres\": 0.0025",
                "\"p50Ms\": null");
    }

    @Test
    void aChangedSettingIsComparedWithTheMeanOfTheRunsAroundIt() {
        BenchReport before = new BenchReport();
        before.add(new Figure("order", BenchReport.GATEWAY, 90, 900, 0, 5, 20));
        BenchReport changed = new BenchReport();
        changed.add(new Figure("order", BenchReport.GATEWAY, 150, 1500, 0, 4, 10));
        BenchReport after = new BenchReport();
        after.add(new Figure("order", BenchReport.GATEWAY, 110, 1100, 0, 5, 20));

        assertThat(BenchReport.comparison(before, changed, after, "{X=1}"))
                .contains("{X=1}").contains("90.0", "150.0", "110.0", "1.50", "0.50");
    }

    @Test
    void theCommandLineTakesClientsSecondsAndServiceSettings() {
        BenchOptions options = BenchOptions.parse("--clients", "8", "--seconds", "20", "--env", "A_B=c=d", "--compare", "X=1");
        assertThat(options.clients()).isEqualTo(8);
        assertThat(options.phase()).isEqualTo(Duration.ofSeconds(20));
        assertThat(options.environment()).containsEntry("A_B", "c=d");
        assertThat(options.compare()).containsEntry("X", "1");
        assertThatThrownBy(() -> BenchOptions.parse("--clients", "0")).hasMessageContaining("--clients");
        assertThatThrownBy(() -> BenchOptions.parse("--env", "novalue")).hasMessageContaining("NAME=VALUE");
        assertThatThrownBy(() -> BenchOptions.parse("--fast")).hasMessageContaining("--fast");
    }

    private static Latencies latencies(long p50Ms, long maxMs) {
        Latencies latencies = new Latencies();
        for (int i = 0; i < 98; i++) {
            latencies.record(p50Ms * 1_000_000L);
        }
        latencies.record(maxMs * 1_000_000L);
        latencies.record(maxMs * 1_000_000L);
        return latencies;
    }
}
