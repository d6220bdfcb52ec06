package org.gridgov.local.bench;

/**
 * One measured figure: what ({@code name}), which way ({@code via}: postgres, gateway, direct), how
 * many operations succeeded per second, failed, and the latency percentiles in milliseconds (NaN when
 * not measured).
 */
record Figure(String name, String via, double perSecond, long ok, long failed, double p50, double p99) {

    static Figure of(String name, String via, long ok, long failed, double seconds, Latencies latencies) {
        return new Figure(name, via, seconds > 0 ? ok / seconds : Double.NaN, ok, failed,
                latencies.percentileMillis(50), latencies.percentileMillis(99));
    }
}
