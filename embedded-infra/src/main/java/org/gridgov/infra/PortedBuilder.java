package org.gridgov.infra;

/**
 * What every embedded server's builder says about its port: exactly one, any free one (0, the
 * default), or a preferred one with the next free one above it as fallback.
 */
public abstract class PortedBuilder<B extends PortedBuilder<B>> {

    int port;
    boolean orNextFreePort;

    PortedBuilder() {
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

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
