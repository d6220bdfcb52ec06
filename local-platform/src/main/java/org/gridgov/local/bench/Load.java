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
        Tally tally = new Tally();
        CountDownLatch done = new CountDownLatch(clients);
        long start = System.nanoTime();
        long end = start + length.toNanos();
        for (int client = 0; client < clients; client++) {
            loop(operationFor.apply(client), end, tally, done);
        }
        done.await();
        return tally.run((System.nanoTime() - start) / 1e9, 0);
    }

    private static void loop(Supplier<CompletableFuture<Boolean>> operation, long end, Tally tally, CountDownLatch done) {
        if (System.nanoTime() >= end) {
            done.countDown();
            return;
        }
        tally.time(operation, () -> loop(operation, end, tally, done));
    }

    /** Starts {@code operation} {@code perSecond} times a second for {@code length}, however many are still running. */
    static Run fixedRate(double perSecond, Duration length, Supplier<CompletableFuture<Boolean>> operation)
            throws InterruptedException {
        Tally tally = new Tally();
        long count = Math.max(1, Math.round(perSecond * length.toNanos() / 1e9));
        CountDownLatch done = new CountDownLatch((int) count);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long period = Math.max(1, Math.round(1e9 / perSecond));
        AtomicLong started = new AtomicLong();
        ticker.scheduleAtFixedRate(() -> {
            if (started.getAndIncrement() >= count) {
                return;
            }
            tally.time(operation, done::countDown);
        }, 0, period, TimeUnit.NANOSECONDS);
        boolean finished = done.await(length.toSeconds() + 60, TimeUnit.SECONDS);
        ticker.shutdownNow();
        // an operation still running after the grace period counts as failed
        return tally.run(length.toNanos() / 1e9, finished ? 0 : done.getCount());
    }

    /** What both ways of driving count: each operation timed, a success's latency recorded, anything else a failure. */
    private static final class Tally {
        private final Latencies latencies = new Latencies();
        private final AtomicLong ok = new AtomicLong();
        private final AtomicLong failed = new AtomicLong();

        /** Starts the operation; once it is done and counted, {@code then} runs. */
        void time(Supplier<CompletableFuture<Boolean>> operation, Runnable then) {
            long started = System.nanoTime();
            operation.get().whenComplete((succeeded, failure) -> {
                if (failure == null && Boolean.TRUE.equals(succeeded)) {
                    latencies.record(System.nanoTime() - started);
                    ok.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                }
                then.run();
            });
        }

        Run run(double seconds, long unfinished) {
            return new Run(ok.get(), failed.get() + unfinished, seconds, latencies);
        }
    }
}
