package org.gridgov.system.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the simulation measured, by phase (the same commands through the gateway, or straight to
 * wish-service): every successful request's response time and when the phase's first and last
 * request ended, so throughput and percentiles of the two phases can be set side by side.
 */
final class LoadFigures {

    private final Map<String, Phase> phases = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Long> lagsMillis = new ConcurrentLinkedQueue<>();

    private static final class Phase {
        final ConcurrentLinkedQueue<Long> millis = new ConcurrentLinkedQueue<>();
        final AtomicLong first = new AtomicLong(Long.MAX_VALUE);
        final AtomicLong last = new AtomicLong(Long.MIN_VALUE);
    }

    void record(String phase, long responseMillis) {
        Phase figures = phases.computeIfAbsent(phase, name -> new Phase());
        long now = System.currentTimeMillis();
        figures.millis.add(responseMillis);
        figures.first.accumulateAndGet(now - responseMillis, Math::min);
        figures.last.accumulateAndGet(now, Math::max);
    }

    void lag(long millis) {
        lagsMillis.add(millis);
    }

    /** The figures as a table, with the gateway's cost as ratios against the direct phase. */
    String report(String through, String direct) {
        StringBuilder out = new StringBuilder("\n=== GridGov campaign day: figures ===\n");
        out.append(String.format("%-10s %9s %12s %8s %8s %8s%n", "phase", "requests", "req/s", "p50 ms", "p95 ms", "p99 ms"));
        for (String name : List.of(through, direct)) {
            Summary summary = summary(name);
            out.append(String.format("%-10s %9d %12.1f %8d %8d %8d%n", name, summary.count, summary.throughput,
                    summary.p50, summary.p95, summary.p99));
        }
        Summary gateway = summary(through);
        Summary straight = summary(direct);
        if (straight.count > 0 && gateway.count > 0) {
            out.append(String.format("gateway / direct: p50 %.2f, p95 %.2f, p99 %.2f; throughput %.2f%n",
                    ratio(gateway.p50, straight.p50), ratio(gateway.p95, straight.p95), ratio(gateway.p99, straight.p99),
                    gateway.throughput / straight.throughput));
        }
        List<Long> lags = sorted(lagsMillis);
        out.append(String.format("event lag, wish submitted → candidates visible (%d wishes): p50 %d ms, p99 %d ms%n",
                lags.size(), percentile(lags, 50), percentile(lags, 99)));
        return out.toString();
    }

    private record Summary(int count, double throughput, long p50, long p95, long p99) {
    }

    private Summary summary(String name) {
        Phase phase = phases.get(name);
        if (phase == null || phase.millis.isEmpty()) {
            return new Summary(0, 0, 0, 0, 0);
        }
        List<Long> millis = sorted(phase.millis);
        double seconds = Math.max(1, phase.last.get() - phase.first.get()) / 1000.0;
        return new Summary(millis.size(), millis.size() / seconds, percentile(millis, 50), percentile(millis, 95),
                percentile(millis, 99));
    }

    private static List<Long> sorted(ConcurrentLinkedQueue<Long> values) {
        List<Long> list = new ArrayList<>(values);
        list.sort(null);
        return list;
    }

    private static long percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /** Millisecond timings: a direct p50 of 0 ms would divide by zero, so both sides count at least 1 ms. */
    private static double ratio(long gateway, long direct) {
        return (double) Math.max(1, gateway) / Math.max(1, direct);
    }
}
