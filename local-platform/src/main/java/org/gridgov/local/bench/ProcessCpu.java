package org.gridgov.local.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gridgov.local.service.ServiceSpec;
import org.gridgov.local.service.Services;

/**
 * CPU time the service JVMs and PostgreSQL spend on a phase, per operation. Unlike a rate, CPU time per
 * operation hardly changes when other work shares the machine, so it compares runs on a noisy one; and
 * on a machine of {@code n} cores, {@code n} seconds ÷ the total is the rate the platform could reach.
 */
final class ProcessCpu {

    private static final String POSTGRES = "postgres";

    private final Services services;
    private final Map<String, Long> start;

    private ProcessCpu(Services services) {
        this.services = services;
        this.start = sample(services);
    }

    /** Starts counting now. */
    static ProcessCpu from(Services services) {
        return new ProcessCpu(services);
    }

    /** Milliseconds of CPU per operation since the start, by process, with the total last. */
    String perOperation(long operations) {
        Map<String, Long> used = usedSinceStart();
        List<String> parts = new ArrayList<>();
        used.forEach((process, nanos) -> parts.add(String.format(Locale.ROOT, "%s %.2f", process,
                nanos / 1e6 / Math.max(1, operations))));
        return String.format(Locale.ROOT, "%.2f ms in all (%s), %d operations", total(used) / 1e6 / Math.max(1, operations),
                String.join(", ", parts), operations);
    }

    /** Milliseconds of CPU all the processes together used per second since the start, over {@code elapsed}. */
    double millisPerSecond(Duration elapsed) {
        return total(usedSinceStart()) / 1e6 / Math.max(0.001, elapsed.toNanos() / 1e9);
    }

    /** Nanoseconds of CPU each process used since the start. */
    private Map<String, Long> usedSinceStart() {
        Map<String, Long> used = new LinkedHashMap<>();
        sample(services).forEach((process, now) -> used.put(process, Math.max(0, now - start.getOrDefault(process, 0L))));
        return used;
    }

    private static long total(Map<String, Long> used) {
        return used.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Nanoseconds of CPU used so far by each service JVM and by all PostgreSQL processes together. */
    private static Map<String, Long> sample(Services services) {
        Map<String, Long> used = new LinkedHashMap<>();
        for (ServiceSpec service : ServiceSpec.values()) {
            used.put(service.module(), ProcessHandle.of(services.pid(service))
                    .flatMap(process -> process.info().totalCpuDuration()).map(Duration::toNanos).orElse(0L));
        }
        // connections come and go, so this counts the server processes alive now; the bench keeps its pools open
        used.put(POSTGRES, ProcessHandle.allProcesses()
                .filter(process -> process.info().command().map(command -> command.endsWith("/" + POSTGRES)).orElse(false))
                .mapToLong(process -> process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum());
        return used;
    }
}
