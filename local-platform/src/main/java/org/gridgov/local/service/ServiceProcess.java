package org.gridgov.local.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One service running as a child JVM, its output going to its log file. It knows how it was
 * started, so that it can be started again the same way after it stopped or was killed.
 */
final class ServiceProcess {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    private static final Pattern PID = Pattern.compile("\"pid\"\\s*:\\s*(\\d+)");

    private final ServiceSpec spec;
    private final ProcessBuilder builder;
    private final String baseUrl;
    private final Path log;
    private final Process process;
    /** Set when the exit is wanted (a stop, a kill), so it is not reported as a crash. */
    private volatile boolean exitExpected;

    private ServiceProcess(ServiceSpec spec, ProcessBuilder builder, String baseUrl, Path log) {
        this.spec = spec;
        this.builder = builder;
        this.baseUrl = baseUrl;
        this.log = log;
        try {
            this.process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + spec.module(), e);
        }
    }

    static ServiceProcess start(ServiceSpec spec, List<String> command, Map<String, String> environment,
            String baseUrl, Path workingDirectory, Path log) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return new ServiceProcess(spec, builder, baseUrl, log);
    }

    /** The same command and environment again, the output appended to the same log. */
    ServiceProcess startAgain() {
        if (process.isAlive()) {
            throw new IllegalStateException(spec.module() + " still runs (pid " + process.pid() + ")");
        }
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return new ServiceProcess(spec, builder, baseUrl, log);
    }

    /** Another process of the same service: the same command and environment but for its port, with a log of its own. */
    ServiceProcess replica(int port, Path replicaLog) {
        ProcessBuilder copy = new ProcessBuilder(builder.command())
                .directory(builder.directory())
                .redirectErrorStream(true)
                .redirectOutput(replicaLog.toFile());
        copy.environment().clear();
        copy.environment().putAll(builder.environment());
        copy.environment().put("SERVER_PORT", Integer.toString(port));
        String replicaUrl = baseUrl.substring(0, baseUrl.lastIndexOf(':') + 1) + port;
        return new ServiceProcess(spec, copy, replicaUrl, replicaLog);
    }

    String baseUrl() {
        return baseUrl;
    }

    long pid() {
        return process.pid();
    }

    boolean exitExpected() {
        return exitExpected;
    }

    ServiceSpec spec() {
        return spec;
    }

    Path log() {
        return log;
    }

    boolean hasExited() {
        return !process.isAlive();
    }

    int exitCode() {
        return process.exitValue();
    }

    void onExit(IntConsumer action) {
        process.onExit().thenAccept(exited -> action.accept(exited.exitValue()));
    }

    /**
     * Ready means the service says it takes traffic (its database, broker and issuer are reachable),
     * and it is this process that says so: a port found free at launch may have been taken since by
     * another platform on the machine, whose service would answer for this one until it fails to bind.
     */
    boolean isReady(HttpClient http) {
        return get(http, "/actuator/health/readiness").filter(response -> response.statusCode() == 200).isPresent()
                && get(http, "/actuator/info").filter(response -> response.statusCode() == 200)
                        .flatMap(response -> pidIn(response.body())).filter(pid -> pid == process.pid()).isPresent();
    }

    /** The process id a service tells in its {@code /actuator/info} (process details are switched on for local runs). */
    static Optional<Long> pidIn(String info) {
        Matcher pid = PID.matcher(info);
        return pid.find() ? Optional.of(Long.parseLong(pid.group(1))) : Optional.empty();
    }

    private Optional<HttpResponse<String>> get(HttpClient http, String path) {
        try {
            return Optional.of(http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(PROBE_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    List<String> logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException e) {
            return List.of("(cannot read " + log + ": " + e.getMessage() + ")");
        }
    }

    /** SIGTERM: Spring Boot shuts down gracefully, finishing requests in flight. */
    void requestStop() {
        exitExpected = true;
        process.destroy();
    }

    /** SIGKILL, as a crashed machine or the OOM killer would: no shutdown hook, nothing flushed. Returns once it is gone. */
    void kill() {
        exitExpected = true;
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for the exit until the deadline, then kills the JVM and anything it started. */
    void awaitStop(long deadlineNanos) {
        try {
            if (process.waitFor(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.err.println(spec.module() + " did not stop in time; killing it");
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
