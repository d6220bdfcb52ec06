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
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/** One service running as a child JVM, its output going to its log file. */
final class ServiceProcess {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private final ServiceSpec spec;
    private final String baseUrl;
    private final Path log;
    private final Process process;

    private ServiceProcess(ServiceSpec spec, String baseUrl, Path log, Process process) {
        this.spec = spec;
        this.baseUrl = baseUrl;
        this.log = log;
        this.process = process;
    }

    static ServiceProcess start(ServiceSpec spec, List<String> command, Map<String, String> environment,
            String baseUrl, Path workingDirectory, Path log) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        try {
            return new ServiceProcess(spec, baseUrl, log, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + spec.module(), e);
        }
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

    /** Ready means the service says it takes traffic: its database, broker and issuer are reachable. */
    boolean isReady(HttpClient http) {
        try {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health/readiness")).timeout(PROBE_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
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
        process.destroy();
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
