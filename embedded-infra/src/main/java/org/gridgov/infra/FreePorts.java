package org.gridgov.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Finds TCP ports nobody listens on, so servers can be given a concrete port before they start. */
public final class FreePorts {

    private static final int HIGHEST_PORT = 65_535;

    private FreePorts() {
    }

    /** A port the operating system considers free right now. */
    public static int any() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    /**
     * Whether nothing listens on the port. Binds the wildcard address, because a listener on any
     * interface (a service on 0.0.0.0, a server on 127.0.0.1) makes the port unusable.
     */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code port} if it is free, otherwise the next free port above it. */
    public static int firstFreeFrom(int port) {
        for (int candidate = port; candidate <= HIGHEST_PORT; candidate++) {
            if (isFree(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no free port from " + port);
    }

    /** Resolves a configured port: 0 means any free port, otherwise that port or the next free one when asked. */
    static int resolve(int port, boolean orNextFree) {
        if (port == 0) {
            return any();
        }
        return orNextFree ? firstFreeFrom(port) : port;
    }
}
