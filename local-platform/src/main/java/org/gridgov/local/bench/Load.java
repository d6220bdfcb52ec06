package org.gridgov.local.bench;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/** Drives an operation: closed loop (N clients, each starting its next one when the last is done) or at a fixed rate. */
final class Load {

    /** What a run counted: successes, failures, its length in seconds and the successes' latencies. */
    record Run(long ok, long failed, double seconds, Latencies latencies) {
        Figure figure(String name, String via) {
            return Figure.of(name, via, ok, failed, seconds, latencies);
        }
    }

    private Load() {
    }

    /** {@code clients} loops, each running {@code operationFor.apply(client)} again and again for {@code length}. */
    static Run closedLoop(int clients, Duration length, IntFunction<Supplier<CompletableFuture<Boolean>>> operationFor)
            throws InterruptedException {
        Latencies latencies = new Latencies();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        CountDownLatch done = new CountDownLatch(clients);
        long start = System.nanoTime();
        long end = start + length.toNanos();
        for (int client = 0; client < clients; client++) {
            loop(operationFor.apply(client), end, latencies, ok, failed, done);
        }
        done.await();
        return new Run(ok.get(), failed.get(), (System.nanoTime() - start) / 1e9, latencies);
    }

    private static void loop(Supplier<CompletableFuture<Boolean>> operation, long end, Latencies latencies, AtomicLong ok,
            AtomicLong failed, CountDownLatch done) {
        if (System.nanoTime() >= end) {
            done.countDown();
            return;
        }
        long started = System.nanoTime();
        operation.get().whenComplete((succeeded, failure) -> {
            if (failure == null && Boolean.TRUE.equals(succeeded)) {
                latencies.record(System.nanoTime() - started);
                ok.incrementAndGet();
            } else {
                failed.incrementAndGet();
            }
            loop(operation, end, latencies, ok, failed, done);
        });
    }

    /** Starts {@code operation} {@code perSecond} times a second for {@code length}, however many are still running. */
    static Run fixedRate(double perSecond, Duration length, Supplier<CompletableFuture<Boolean>> operation)
            throws InterruptedException {
        Latencies latencies = new Latencies();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long count = Math.max(1, Math.round(perSecond * length.toNanos() / 1e9));
        CountDownLatch done = new CountDownLatch((int) count);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long start = System.nanoTime();
        long period = Math.max(1, Math.round(1e9 / perSecond));
        AtomicLong started = new AtomicLong();
        ticker.scheduleAtFixedRate(() -> {
            if (started.getAndIncrement() >= count) {
                return;
            }
            long t0 = System.nanoTime();
            operation.get().whenComplete((succeeded, failure) -> {
                if (failure == null && Boolean.TRUE.equals(succeeded)) {
                    latencies.record(System.nanoTime() - t0);
                    ok.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                }
                done.countDown();
            });
        }, 0, period, TimeUnit.NANOSECONDS);
        boolean finished = done.await(length.toSeconds() + 60, TimeUnit.SECONDS);
        ticker.shutdownNow();
        long failures = failed.get() + (finished ? 0 : done.getCount());
        return new Run(ok.get(), failures, length.toNanos() / 1e9, latencies);
    }
}
