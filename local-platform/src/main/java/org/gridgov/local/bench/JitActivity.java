package org.gridgov.local.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.gridgov.local.service.ServiceSpec;
import org.gridgov.local.service.Services;

/**
 * How much of the service JVMs' CPU their JIT compiler threads took since a start, read from
 * {@code /proc/<pid>/task/<tid>/{comm,stat}} (Linux). On two cores eight JVMs compile for minutes
 * under load; a figure taken while they do measures the compilers as much as the platform.
 */
final class JitActivity {

    /** utime and stime, the 14th and 15th fields of a task's stat, counted after the command's closing parenthesis. */
    private static final int UTIME_AFTER_COMMAND = 11;

    private final Services services;
    private final Ticks start;

    private record Ticks(long compiler, long all) {
    }

    private JitActivity(Services services) {
        this.services = services;
        this.start = sample(services);
    }

    /** Starts counting now. */
    static JitActivity from(Services services) {
        return new JitActivity(services);
    }

    /** The compiler threads' share of all the services' CPU since the start, 0 to 1; 0 where threads cannot be read. */
    double compilingShare() {
        Ticks end = sample(services);
        long all = end.all() - start.all();
        return all <= 0 ? 0 : (double) (end.compiler() - start.compiler()) / all;
    }

    private static Ticks sample(Services services) {
        long compiler = 0;
        long all = 0;
        for (ServiceSpec service : ServiceSpec.values()) {
            for (Path task : tasks(services.pid(service))) {
                long used = ticks(task.resolve("stat")).orElse(0L);
                all += used;
                if (name(task).contains("Compiler")) {
                    compiler += used;
                }
            }
        }
        return new Ticks(compiler, all);
    }

    private static List<Path> tasks(long pid) {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return tasks.toList();
        } catch (IOException exited) {
            return List.of();
        }
    }

    private static String name(Path task) {
        try {
            return Files.readAllLines(task.resolve("comm")).stream().findFirst().orElse("");
        } catch (IOException exited) {
            return "";
        }
    }

    private static Optional<Long> ticks(Path stat) {
        try {
            String line = Files.readAllLines(stat).stream().findFirst().orElse("");
            // the command may hold spaces and parentheses; the fields after its last ')' are fixed
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return Optional.of(Long.parseLong(fields[UTIME_AFTER_COMMAND]) + Long.parseLong(fields[UTIME_AFTER_COMMAND + 1]));
        } catch (IOException | RuntimeException exited) {
            return Optional.empty();
        }
    }
}
