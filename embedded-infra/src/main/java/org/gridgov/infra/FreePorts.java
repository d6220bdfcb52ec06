package org.gridgov.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Finds TCP ports nobody listens on, so servers can be given a concrete port before they start.
 *
 * <p>{@link #any()} picks below the operating system's ephemeral range: a port asked of the kernel
 * ({@code new ServerSocket(0)}) comes from that range, and between choosing it and the server binding
 * it, any outgoing connection (a Kafka client, a database pool, on a busy platform start hundreds of
 * them) may be given it as its local port — the server then fails with "address in use". Ports
 * handed out in this JVM are never handed out again.
 */
public final class FreePorts {

    private static final int HIGHEST_PORT = 65_535;
    private static final int LOWEST_CHOSEN = 20_000;
    private static final int LINUX_EPHEMERAL_START = 32_768;
    private static final int ATTEMPTS = 500;
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();
    private static final int EPHEMERAL_START = ephemeralStart();

    private FreePorts() {
    }

    /** A port nobody listens on right now, outside the ephemeral range, not handed out before by this JVM. */
    public static int any() {
        int below = EPHEMERAL_START;
        for (int attempt = 0; attempt < ATTEMPTS && below > LOWEST_CHOSEN; attempt++) {
            int candidate = ThreadLocalRandom.current().nextInt(LOWEST_CHOSEN, below);
            if (isFree(candidate) && HANDED_OUT.add(candidate)) {
                return candidate;
            }
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            HANDED_OUT.add(socket.getLocalPort());
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    /** The first port of the kernel's ephemeral range (Linux's default where it cannot be read). */
    static int ephemeralStart() {
        try {
            // line by line: Files.readString trusts the size procfs reports and returns one byte
            String range = Files.readAllLines(EPHEMERAL_RANGE).get(0).trim();
            return Integer.parseInt(range.split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return LINUX_EPHEMERAL_START;
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
