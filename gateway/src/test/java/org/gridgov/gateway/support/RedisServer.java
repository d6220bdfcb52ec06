package org.gridgov.gateway.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.gridgov.infra.FreePorts;

/**
 * A real {@code redis-server} process on a random loopback port, without persistence, for the
 * rate-limit tests. Needs the binary on the PATH (Debian: {@code apt-get install -y redis-server}).
 */
public final class RedisServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);

    private final Path binary;
    private final int port = FreePorts.any();
    private final Thread stopOnExit = new Thread(this::stop, "redis-server-stop");
    private Process process;

    private RedisServer(Path binary) {
        this.binary = binary;
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    public static RedisServer start() {
        RedisServer redis = new RedisServer(findBinary());
        redis.startProcess();
        return redis;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public synchronized void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /** Starts it again on the same port, with empty data (as after a crash without persistence). */
    public synchronized void startProcess() {
        if (process != null) {
            return;
        }
        try {
            File log = Files.createTempFile("redis-" + port, ".log").toFile();
            process = new ProcessBuilder(List.of(binary.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--protected-mode", "yes"))
                    .redirectErrorStream(true).redirectOutput(log).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + binary, e);
        }
        awaitListening();
    }

    @Override
    public void close() {
        stop();
        Runtime.getRuntime().removeShutdownHook(stopOnExit);
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("redis-server exited with code " + process.exitValue());
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalStateException("redis-server did not listen on port " + port + " within " + START_TIMEOUT);
    }

    private static Path findBinary() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String directory : path.split(File.pathSeparator)) {
            Path candidate = Path.of(directory, "redis-server");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("The rate-limit tests need a real Redis: redis-server is not on the PATH. "
                + "Install it (Debian/Ubuntu: apt-get install -y redis-server).");
    }
}
