package org.gridgov.local.service;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The services as child processes: started together, awaited together, stopped together; and
 * one at a time killed, stopped and started again, which is how the system tests make a service crash.
 */
public final class Services implements AutoCloseable {

    /** Small heaps and the quick C1 compiler only: six JVMs share two cores and a laptop's memory. */
    public static final List<String> QUICK_START_JVM = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xms32m",
            "-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8");
    /**
     * What a production container runs (G1, both JIT compilers), with a heap sized for one machine
     * holding all six: the benchmark's settings.
     */
    public static final List<String> PRODUCTION_JVM = List.of("-XX:+UseG1GC", "-Xms256m", "-Xmx512m",
            "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8");
    private static final Duration GRACE = Duration.ofSeconds(20);
    private static final int TAIL_LINES = 40;

    /** In {@link ServiceSpec} order, the gateway first; a restarted service replaces its entry. */
    private final Map<ServiceSpec, ServiceProcess> processes;
    private final List<ServiceProcess> replicas = new ArrayList<>();
    private volatile boolean stopping;
    private volatile boolean reportingExits;

    private Services(Map<ServiceSpec, ServiceProcess> processes) {
        this.processes = processes;
    }

    /**
     * Starts every service without waiting for any: on two cores they start faster side by side
     * than in a row. {@code extraEnvironment} is added to what each service is told (settings such
     * as short SLA deadlines for tests).
     */
    public static Services start(Path repoRoot, String version, PlatformAddresses addresses, Path logs,
            Map<String, String> extraEnvironment) {
        return start(repoRoot, version, addresses, logs, extraEnvironment, QUICK_START_JVM);
    }

    /** As {@link #start(Path, String, PlatformAddresses, Path, Map)}, each JVM started with {@code jvmFlags}. */
    public static Services start(Path repoRoot, String version, PlatformAddresses addresses, Path logs,
            Map<String, String> extraEnvironment, List<String> jvmFlags) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long launcherPid = ProcessHandle.current().pid();
        Map<ServiceSpec, ServiceProcess> started = new EnumMap<>(ServiceSpec.class);
        try {
            for (ServiceSpec spec : ServiceSpec.values()) {
                List<String> command = new ArrayList<>(List.of(java));
                command.addAll(jvmFlags);
                command.addAll(List.of("-jar", spec.jar(repoRoot, version).toString()));
                Map<String, String> environment = new LinkedHashMap<>(ServiceEnvironment.of(spec, addresses, launcherPid));
                environment.putAll(extraEnvironment);
                started.put(spec, ServiceProcess.start(spec, command, environment, addresses.baseUrl(spec), repoRoot,
                        logs.resolve(spec.module() + ".log")));
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
        awaitReady(current(), timeout, listener);
    }

    /** Waits until this one service is ready, as {@link #awaitReady(Duration, ReadinessListener)} does for all. */
    public void awaitReady(ServiceSpec service, Duration timeout) throws StartFailure, InterruptedException {
        awaitReady(List.of(process(service)), timeout, ready -> { });
    }

    private static void awaitReady(List<ServiceProcess> processes, Duration timeout, ReadinessListener listener)
            throws StartFailure, InterruptedException {
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

    /**
     * Starts one more process of each running service named, on the port given for it, as a second
     * replica behind a load balancer would run (the same database, consumer groups and settings, its own
     * log beside the first's); all side by side, then waits until every one is ready. {@link #stopReplicas()}
     * and {@link #close()} stop them. Returns their base URLs, in the order given.
     */
    public List<String> startReplicas(Map<ServiceSpec, Integer> ports, Duration timeout) throws StartFailure, InterruptedException {
        List<ServiceProcess> started = new ArrayList<>();
        for (Map.Entry<ServiceSpec, Integer> each : ports.entrySet()) {
            ServiceProcess first = process(each.getKey());
            ServiceProcess replica = first.replica(each.getValue(),
                    first.log().resolveSibling(each.getKey().module() + "-" + each.getValue() + ".log"));
            synchronized (replicas) {
                replicas.add(replica);
            }
            started.add(replica);
        }
        awaitReady(started, timeout, ready -> { });
        return started.stream().map(ServiceProcess::baseUrl).toList();
    }

    /** SIGTERM to every replica {@link #startReplica} started, then up to 20 s for their graceful shutdown. */
    public void stopReplicas() {
        List<ServiceProcess> stopping;
        synchronized (replicas) {
            stopping = List.copyOf(replicas);
            replicas.clear();
        }
        stopping.forEach(ServiceProcess::requestStop);
        long deadline = System.nanoTime() + GRACE.toNanos();
        stopping.forEach(process -> process.awaitStop(deadline));
    }

    /** Once running, a service that dies is worth a line on the console: the platform is incomplete without it. */
    public void reportUnexpectedExits() {
        reportingExits = true;
        current().forEach(this::reportUnexpectedExit);
    }

    /** SIGKILL to one service: it dies at once, mid-request and mid-transaction. */
    public void kill(ServiceSpec service) {
        process(service).kill();
    }

    /** SIGTERM to one service, then up to 20 s for its graceful shutdown. */
    public void stop(ServiceSpec service) {
        ServiceProcess process = process(service);
        process.requestStop();
        process.awaitStop(System.nanoTime() + GRACE.toNanos());
    }

    /** Starts a stopped or killed service again, the same way and on the same port; see {@link #awaitReady(ServiceSpec, Duration)}. */
    public void restart(ServiceSpec service) {
        ServiceProcess again;
        synchronized (processes) {
            again = processes.get(service).startAgain();
            processes.put(service, again);
        }
        if (reportingExits) {
            reportUnexpectedExit(again);
        }
    }

    public boolean isRunning(ServiceSpec service) {
        return !process(service).hasExited();
    }

    public long pid(ServiceSpec service) {
        return process(service).pid();
    }

    public Path log(ServiceSpec service) {
        return process(service).log();
    }

    /** SIGTERM to all, the gateway first so it stops taking traffic; then up to 20 s before killing. */
    @Override
    public void close() {
        stopping = true;
        stopReplicas();
        List<ServiceProcess> all = current();
        all.forEach(ServiceProcess::requestStop);
        long deadline = System.nanoTime() + GRACE.toNanos();
        all.forEach(process -> process.awaitStop(deadline));
    }

    private void reportUnexpectedExit(ServiceProcess process) {
        process.onExit(code -> {
            if (!stopping && !process.exitExpected()) {
                System.err.println(process.spec().module() + " exited with code " + code + "; see " + process.log());
            }
        });
    }

    private ServiceProcess process(ServiceSpec service) {
        synchronized (processes) {
            return processes.get(service);
        }
    }

    private List<ServiceProcess> current() {
        synchronized (processes) {
            return List.copyOf(processes.values());
        }
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
