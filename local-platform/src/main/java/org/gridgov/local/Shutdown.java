package org.gridgov.local;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Stops what was started, newest first, exactly once: for the launcher from the JVM shutdown hook,
 * which runs on Ctrl-C, on SIGTERM ({@code ./gridgov stop}) and when a failed start exits; for the
 * system tests when their platform closes.
 */
public final class Shutdown {

    private record Resource(String name, AutoCloseable closeable) {
    }

    private final Deque<Resource> started = new ArrayDeque<>();
    private boolean done;

    /** Remembers a started resource; one that arrives after shutdown began is stopped at once. */
    public synchronized <T extends AutoCloseable> T register(String name, T closeable) {
        started.push(new Resource(name, closeable));
        if (done) {
            stopAll();
        }
        return closeable;
    }

    public synchronized void run() {
        done = true;
        stopAll();
    }

    private void stopAll() {
        while (!started.isEmpty()) {
            Resource resource = started.pop();
            try {
                resource.closeable().close();
            } catch (Exception e) {
                System.err.println("could not stop " + resource.name() + ": " + e);
            }
        }
    }
}
