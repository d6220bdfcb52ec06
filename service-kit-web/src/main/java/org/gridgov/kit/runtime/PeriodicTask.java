package org.gridgov.kit.runtime;

import java.time.Duration;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Work every replica does at an interval while the application runs: the outbox's housekeeping,
 * idempotency cleanup, API-description refresh, SLA timers. A failed round is logged and the next
 * one tries again (what the work is about waits in the database meanwhile); a round still running
 * when the next is due makes that one skip. Either extend it and implement {@link #runOnce()}, or
 * give the round to the constructor and start and stop it from the owner's lifecycle.
 */
public class PeriodicTask implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicTask.class);

    private final String name;
    private final Duration firstRound;
    private final Duration interval;
    private final Supplier<? extends Mono<?>> round;
    private volatile Disposable running;

    public PeriodicTask(String name, Duration firstRound, Duration interval, Supplier<? extends Mono<?>> round) {
        this.name = name;
        this.firstRound = firstRound;
        this.interval = interval;
        this.round = round;
    }

    /** For subclasses: rounds start at once, then every {@code interval}. */
    protected PeriodicTask(String name, Duration interval) {
        this(name, Duration.ZERO, interval, null);
    }

    /** One round of the work. */
    protected Mono<?> runOnce() {
        return round.get();
    }

    @Override
    public void start() {
        running = Flux.interval(firstRound, interval)
                .onBackpressureDrop()
                .concatMap(tick -> Mono.defer(this::runOnce).onErrorResume(e -> {
                    log.warn("{} failed this round: {}", name, e.toString());
                    return Mono.empty();
                }))
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = running;
        if (current != null) {
            current.dispose();
        }
        running = null;
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}
