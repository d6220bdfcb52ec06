package org.gridgov.local.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The figures of one bench run and the ratios between them: each figure ÷ the PostgreSQL baseline's
 * rate, and a figure through the gateway ÷ the same figure straight to the service.
 */
final class BenchReport {

    static final String POSTGRES = "postgres";
    static final String GATEWAY = "gateway";
    static final String DIRECT = "direct";

    private final List<Figure> figures = new ArrayList<>();
    private final Map<String, String> notes = new LinkedHashMap<>();

    void add(Figure figure) {
        figures.add(figure);
    }

    void note(String key, String value) {
        notes.put(key, value);
    }

    List<Figure> figures() {
        return List.copyOf(figures);
    }

    Map<String, String> notes() {
        return Map.copyOf(notes);
    }

    Optional<Figure> find(String name, String via) {
        return figures.stream().filter(f -> f.name().equals(name) && f.via().equals(via)).findFirst();
    }

    /** The rate ÷ the PostgreSQL baseline's first figure; NaN without a baseline. */
    double ofBaseline(Figure figure) {
        return figures.stream().filter(f -> f.via().equals(POSTGRES)).findFirst()
                .map(baseline -> figure.perSecond() / baseline.perSecond()).orElse(Double.NaN);
    }

    /** A gateway figure's rate ÷ the same figure's rate straight to the service; NaN for other figures. */
    double gatewayOverDirect(Figure figure) {
        if (!figure.via().equals(GATEWAY)) {
            return Double.NaN;
        }
        return find(figure.name(), DIRECT).map(direct -> figure.perSecond() / direct.perSecond()).orElse(Double.NaN);
    }

    /** What the gateway adds to p99 latency, in ms: gateway p99 − direct p99 of the same figure; NaN otherwise. */
    double gatewayAddsP99(Figure figure) {
        if (!figure.via().equals(GATEWAY)) {
            return Double.NaN;
        }
        return find(figure.name(), DIRECT).map(direct -> figure.p99() - direct.p99()).orElse(Double.NaN);
    }

    String table() {
        StringBuilder out = new StringBuilder();
        String header = "%-38s %-8s %10s %8s %9s %9s %11s %9s %10s%n";
        String row = "%-38s %-8s %10s %8d %9s %9s %11s %9s %10s%n";
        out.append(String.format(Locale.ROOT, header, "FIGURE", "VIA", "PER S", "FAILED", "P50 MS", "P99 MS",
                "÷ POSTGRES", "GW÷DIRECT", "GW+P99 MS"));
        for (Figure f : figures) {
            out.append(String.format(Locale.ROOT, row, f.name(), f.via(), number(f.perSecond(), 1), f.failed(),
                    number(f.p50(), 1), number(f.p99(), 1), number(ofBaseline(f), 4), number(gatewayOverDirect(f), 2),
                    number(gatewayAddsP99(f), 1)));
        }
        notes.forEach((key, value) -> out.append(String.format(Locale.ROOT, "  %s: %s%n", key, value)));
        return out.toString();
    }

    /** The same as JSON, by hand: a list of flat objects and a map of notes. */
    String json() {
        StringBuilder out = new StringBuilder("{\n  \"figures\": [\n");
        for (int i = 0; i < figures.size(); i++) {
            Figure f = figures.get(i);
            out.append(String.format(Locale.ROOT, "    {\"name\": %s, \"via\": %s, \"perSecond\": %s, \"ok\": %d, "
                            + "\"failed\": %d, \"p50Ms\": %s, \"p99Ms\": %s, \"ofPostgres\": %s, \"gatewayOverDirect\": %s}%s%n",
                    quote(f.name()), quote(f.via()), json(f.perSecond()), f.ok(), f.failed(), json(f.p50()), json(f.p99()),
                    json(ofBaseline(f)), json(gatewayOverDirect(f)), i + 1 < figures.size() ? "," : ""));
        }
        out.append("  ],\n  \"notes\": {");
        List<String> entries = new ArrayList<>();
        notes.forEach((key, value) -> entries.add("\n    " + quote(key) + ": " + quote(value)));
        out.append(String.join(",", entries)).append(entries.isEmpty() ? "}\n}\n" : "\n  }\n}\n");
        return out.toString();
    }

    private static String number(double value, int decimals) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static String json(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "null" : String.format(Locale.ROOT, "%.4f", value);
    }

    private static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /**
     * Each figure of the run with a setting changed ({@code changed}) beside the same figure of the runs
     * before and after it: rate and p99, and changed ÷ the mean of the two.
     */
    static String comparison(BenchReport before, BenchReport changed, BenchReport after, String setting) {
        StringBuilder out = new StringBuilder("Changed " + setting + ": rate (and p99) changed ÷ mean of the runs before and after\n");
        String header = "%-38s %-8s %9s %9s %9s %8s %9s %9s %9s %8s%n";
        out.append(String.format(Locale.ROOT, header, "FIGURE", "VIA", "BEFORE/S", "CHANGED/S", "AFTER/S", "RATIO",
                "P99 BEF", "P99 CHG", "P99 AFT", "P99 RAT"));
        for (Figure f : changed.figures) {
            Optional<Figure> b = before.find(f.name(), f.via());
            Optional<Figure> a = after.find(f.name(), f.via());
            if (b.isEmpty() || a.isEmpty()) {
                continue;
            }
            out.append(String.format(Locale.ROOT, header, f.name(), f.via(), number(b.get().perSecond(), 1),
                    number(f.perSecond(), 1), number(a.get().perSecond(), 1),
                    number(f.perSecond() / ((b.get().perSecond() + a.get().perSecond()) / 2), 2),
                    number(b.get().p99(), 1), number(f.p99(), 1), number(a.get().p99(), 1),
                    number(f.p99() / ((b.get().p99() + a.get().p99()) / 2), 2)));
        }
        return out.toString();
    }
}
