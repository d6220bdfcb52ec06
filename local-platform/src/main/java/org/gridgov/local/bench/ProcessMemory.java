package org.gridgov.local.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.gridgov.local.service.ServiceSpec;
import org.gridgov.local.service.Services;

/** Resident memory (RSS, from /proc) of the service JVMs and of this JVM, which runs Kafka, the issuer and the load. */
final class ProcessMemory {

    private ProcessMemory() {
    }

    static String describe(Services services) {
        List<String> parts = new ArrayList<>();
        long total = 0;
        for (ServiceSpec service : ServiceSpec.values()) {
            long rss = rssMegabytes(services.pid(service));
            total += rss;
            parts.add(service.module() + " " + rss);
        }
        long self = rssMegabytes(ProcessHandle.current().pid());
        return String.format(Locale.ROOT, "services %d MB RSS in all (%s); bench JVM with Kafka and the issuer %d MB",
                total, String.join(", ", parts), self);
    }

    static long rssMegabytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
