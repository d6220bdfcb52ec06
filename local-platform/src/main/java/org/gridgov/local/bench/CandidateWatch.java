package org.gridgov.local.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Event lag, wish ordered → its candidates visible: every wish ordered is watched from the moment
 * its 201 arrived until matching-service's database holds its ranked candidates (what
 * {@code GET /api/matching/wishes/{id}/candidates} reads), polled every few milliseconds.
 */
final class CandidateWatch implements AutoCloseable {

    private static final long POLL_MILLIS = 5;

    private final Connection connection;
    private final Map<UUID, Long> pending = new ConcurrentHashMap<>();
    private volatile Latencies lags = new Latencies();
    private final Thread poller;
    private volatile boolean running = true;

    CandidateWatch(String jdbcUrl, String user, String password) throws SQLException {
        this.connection = DriverManager.getConnection(jdbcUrl, user, password);
        this.poller = new Thread(this::poll, "bench-candidate-watch");
        poller.setDaemon(true);
        poller.start();
    }

    void ordered(UUID wish) {
        pending.put(wish, System.nanoTime());
    }

    /** From now on lags are recorded afresh; the previous phase's are returned. */
    Latencies restart() {
        Latencies previous = lags;
        lags = new Latencies();
        return previous;
    }

    /** How long the oldest wish still without candidates has waited, in seconds (0 when none waits): the consumer lag. */
    double oldestWaitingSeconds() {
        long now = System.nanoTime();
        return pending.values().stream().mapToLong(ordered -> now - ordered).max().orElse(0) / 1e9;
    }

    int waiting() {
        return pending.size();
    }

    /** Waits until every watched wish has its candidates; how long that took, or empty after {@code timeout}. */
    double awaitDrained(Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return pending.isEmpty() ? (System.nanoTime() - start) / 1e9 : Double.NaN;
    }

    private void poll() {
        try (PreparedStatement found = connection.prepareStatement(
                "select wish_id from wish_candidates where wish_id = any(?)")) {
            while (running) {
                if (!pending.isEmpty()) {
                    Array ids = connection.createArrayOf("uuid", pending.keySet().toArray());
                    found.setArray(1, ids);
                    long now = System.nanoTime();
                    try (ResultSet rows = found.executeQuery()) {
                        while (rows.next()) {
                            Long ordered = pending.remove(rows.getObject(1, UUID.class));
                            if (ordered != null) {
                                lags.record(now - ordered);
                            }
                        }
                    }
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (SQLException e) {
            if (running) {
                System.out.println("  the candidate watch stopped: " + e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws SQLException {
        running = false;
        poller.interrupt();
        connection.close();
    }
}
