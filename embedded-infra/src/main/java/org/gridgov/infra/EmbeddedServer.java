package org.gridgov.infra;

import java.nio.file.Path;

/**
 * What the embedded servers (PostgreSQL, Kafka) share: a data directory kept across restarts, or a temporary one that
 * {@link #close()} deletes; and a port chosen at the first start and kept, so that {@link #stop()} and a new start
 * bring the same server back at the same address with its data.
 */
public abstract class EmbeddedServer implements AutoCloseable {

    static final String HOST = "127.0.0.1";

    private final Path dataDirectory;
    private final boolean temporary;
    private final int requestedPort;
    private final boolean orNextFreePort;
    private int port;

    EmbeddedServer(Builder<?> builder, String temporaryPrefix) {
        this.temporary = builder.dataDirectory == null;
        this.dataDirectory = Directories.createdOrTemporary(builder.dataDirectory, temporaryPrefix);
        this.requestedPort = builder.port;
        this.orNextFreePort = builder.orNextFreePort;
    }

    /** Stops the server and waits until it is down; data and port are kept for the next start. */
    public abstract void stop();

    public abstract boolean isRunning();

    /** Stops the server and deletes its data directory if it was a temporary one. */
    @Override
    public synchronized void close() {
        stop();
        if (temporary) {
            Directories.deleteRecursively(dataDirectory);
        }
    }

    public synchronized int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /**
     * The port to listen on: from the first start on a concrete one (the builder's, or a free one), so that a restart
     * comes back at the same address.
     */
    synchronized int listenPort() {
        if (port == 0) {
            port = FreePorts.resolve(requestedPort, orNextFreePort);
        }
        return port;
    }

    /**
     * What every embedded server's builder says about its port — exactly one, any free one (0, the default), or a
     * preferred one with the next free one above it as fallback — and where it keeps its data.
     */
    public abstract static class Builder<B extends Builder<B>> {

        private int port;
        private boolean orNextFreePort;
        private Path dataDirectory;

        Builder() {
        }

        /** Exactly this port; 0 (the default) picks any free port. */
        public B port(int port) {
            this.port = port;
            this.orNextFreePort = false;
            return self();
        }

        /** This port, or the next free port above it when it is taken. */
        public B portOrNextFree(int port) {
            this.port = port;
            this.orNextFreePort = true;
            return self();
        }

        /** A directory for the data (Kafka's log), kept across restarts; by default a temporary one, deleted by close(). */
        public B dataDirectory(Path dataDirectory) {
            this.dataDirectory = dataDirectory;
            return self();
        }

        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }
    }
}
