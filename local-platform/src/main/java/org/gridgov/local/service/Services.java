package org.gridgov.local.service;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The five services as child processes: started together, awaited together, stopped together. */
public final class Services implements AutoCloseable {

    /** Small heaps and the quick C1 compiler only: five JVMs share two cores and a laptop's memory. */
    private static final List<String> JVM_FLAGS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xms32m",
            "-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8");
    private static final Duration GRACE = Duration.ofSeconds(20);
    private static final int TAIL_LINES = 40;

    private final List<ServiceProcess> processes;
    private volatile boolean stopping;

    private Services(List<ServiceProcess> processes) {
        this.processes = processes;
    }

    /** Starts every service without waiting for any: on two cores they start faster side by side than in a row. */
    public static Services start(Path repoRoot, String version, PlatformAddresses addresses, Path logs) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long launcherPid = ProcessHandle.current().pid();
        List<ServiceProcess> started = new ArrayList<>();
        try {
            for (ServiceSpec spec : ServiceSpec.values()) {
                List<String> command = new ArrayList<>(List.of(java));
                command.addAll(JVM_FLAGS);
                command.addAll(List.of("-jar", spec.jar(repoRoot, version).toString()));
                started.add(ServiceProcess.start(spec, command, ServiceEnvironment.of(spec, addresses, launcherPid),
                        addresses.baseUrl(spec), repoRoot, logs.resolve(spec.module() + ".log")));
            }
        } catch (RuntimeException e) {
            new Services(started).close();
            throw e;
        }
        return new Services(started);
    }

    /**
     * Polls every service's readiness until all are ready. Fails as soon as one exits, or when the
     * timeout passes, with the tail of the log of each service that did not make it.
     */
    public void awaitReady(Duration timeout, ReadinessListener listener) throws StartFailure, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<ServiceProcess> waiting = new LinkedHashSet<>(processes);
        while (!waiting.isEmpty()) {
            for (ServiceProcess process : List.copyOf(waiting)) {
                if (process.hasExited()) {
                    throw failure(List.of(process), "exited with code " + process.exitCode());
                }
                if (process.isReady(http)) {
                    waiting.remove(process);
                    listener.ready(process.spec());
                }
            }
            if (!waiting.isEmpty() && System.nanoTime() > deadline) {
                throw failure(waiting, "not ready after " + timeout.toSeconds() + " s");
            }
            Thread.sleep(500);
        }
    }

    /** Once running, a service that dies is worth a line on the console: the platform is incomplete without it. */
    public void reportUnexpectedExits() {
        for (ServiceProcess process : processes) {
            process.onExit(code -> {
                if (!stopping) {
                    System.err.println(process.spec().module() + " exited with code " + code + "; see " + process.log());
                }
            });
        }
    }

    /** SIGTERM to all, the gateway first so it stops taking traffic; then up to 20 s before killing. */
    @Override
    public void close() {
        stopping = true;
        processes.forEach(ServiceProcess::requestStop);
        long deadline = System.nanoTime() + GRACE.toNanos();
        processes.forEach(process -> process.awaitStop(deadline));
    }

    private static StartFailure failure(Iterable<ServiceProcess> failed, String reason) {
        StringBuilder report = new StringBuilder();
        for (ServiceProcess process : failed) {
            report.append(process.spec().module()).append(' ').append(reason)
                    .append(". Last lines of ").append(process.log()).append(":\n");
            process.logTail(TAIL_LINES).forEach(line -> report.append("  | ").append(line).append('\n'));
        }
        return new StartFailure(report.toString());
    }

    @FunctionalInterface
    public interface ReadinessListener {
        void ready(ServiceSpec service);
    }

    /** A service that did not become ready; the message carries the end of its log. */
    public static final class StartFailure extends Exception {
        StartFailure(String report) {
            super(report);
        }
    }
}
