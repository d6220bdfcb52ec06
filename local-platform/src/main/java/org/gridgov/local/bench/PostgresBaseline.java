package org.gridgov.local.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gridgov.infra.EmbeddedPostgresServer;

/**
 * The baseline: single-row inserts, each its own transaction (autocommit), from N clients at once,
 * on the very PostgreSQL server and settings the services use — with {@code pgbench} when it is on
 * the PATH (what the issue measured), and always from Java over JDBC (what a service's driver sees).
 */
record PostgresBaseline(EmbeddedPostgresServer postgres) {

    private static final String DATABASE = "bench";
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");

    void prepare() throws SQLException {
        postgres.createDatabase(DATABASE);
        try (Connection connection = connect(); Statement ddl = connection.createStatement()) {
            ddl.execute("create table if not exists insert_bench (id bigserial primary key, client int not null, "
                    + "at timestamptz not null default now(), payload text not null)");
        }
    }

    Load.Run jdbc(int clients, Duration length) throws InterruptedException {
        Latencies latencies = new Latencies();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime();
        long end = start + length.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            int id = client;
            Thread thread = new Thread(() -> {
                try (Connection connection = connect(); PreparedStatement insert = connection.prepareStatement(
                        "insert into insert_bench (client, payload) values (?, ?)")) {
                    connection.setAutoCommit(true);
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        insert.setInt(1, id);
                        insert.setString(2, "楼道灯坏了需要维修");
                        insert.executeUpdate();
                        latencies.record(System.nanoTime() - t0);
                        ok.incrementAndGet();
                    }
                } catch (SQLException e) {
                    failed.incrementAndGet();
                    System.out.println("  baseline client " + id + " failed: " + e);
                }
            }, "bench-postgres-" + client);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return new Load.Run(ok.get(), failed.get(), (System.nanoTime() - start) / 1e9, latencies);
    }

    /** pgbench's transactions per second for the same insert, or empty when there is no pgbench here. */
    Optional<Double> pgbench(int clients, Duration length, Path scratch) throws IOException, InterruptedException {
        Optional<Path> pgbench = onPath("pgbench");
        if (pgbench.isEmpty()) {
            return Optional.empty();
        }
        Path script = scratch.resolve("insert.sql");
        Files.writeString(script, "insert into insert_bench (client, payload) values (:client_id, '楼道灯坏了需要维修');\n");
        ProcessBuilder builder = new ProcessBuilder(pgbench.get().toString(), "-n", "-c", Integer.toString(clients), "-j",
                Integer.toString(Math.min(clients, Runtime.getRuntime().availableProcessors())),
                "-T", Long.toString(length.toSeconds()), "-f", script.toString(), "-h", postgres.host(),
                "-p", Integer.toString(postgres.port()), "-U", postgres.username(), DATABASE).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", postgres.password());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(length.toSeconds() + 60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            System.out.println("  pgbench failed:\n" + output);
            return Optional.empty();
        }
        Matcher tps = TPS.matcher(output);
        return tps.find() ? Optional.of(Double.parseDouble(tps.group(1))) : Optional.empty();
    }

    /** A connection to the bench's own database on the services' server. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(DATABASE), postgres.username(), postgres.password());
    }

    private static Optional<Path> onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
