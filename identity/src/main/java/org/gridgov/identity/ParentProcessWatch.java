package org.gridgov.identity;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * On the local platform ({@code GRIDGOV_PARENT_PID}): ends this JVM when the launcher is gone, even
 * after a {@code kill -9} of it — as the services do through the kit.
 */
@Component
@ConditionalOnProperty("GRIDGOV_PARENT_PID")
class ParentProcessWatch implements SmartLifecycle {

    private final long parentPid;
    private ScheduledExecutorService timer;

    ParentProcessWatch(Environment environment) {
        this.parentPid = environment.getRequiredProperty("GRIDGOV_PARENT_PID", Long.class);
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "parent-process-watch");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(() -> {
            if (ProcessHandle.of(parentPid).map(ProcessHandle::isAlive).orElse(false)) {
                return;
            }
            System.exit(0);
        }, 2, 2, TimeUnit.SECONDS);
    }

    @Override
    public synchronized void stop() {
        timer.shutdownNow();
        timer = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}
