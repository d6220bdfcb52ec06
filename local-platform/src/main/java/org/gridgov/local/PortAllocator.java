package org.gridgov.local;

import java.util.HashSet;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Hands out each service its default port or the next free one, never the same port twice: the
 * services start together, so a port found free for one must not be found free again for another.
 */
public final class PortAllocator {

    private final IntPredicate isFree;
    private final Set<Integer> handedOut = new HashSet<>();

    public PortAllocator(IntPredicate isFree) {
        this.isFree = isFree;
    }

    public int allocate(int preferred) {
        for (int port = preferred; port <= 65_535; port++) {
            if (!handedOut.contains(port) && isFree.test(port)) {
                handedOut.add(port);
                return port;
            }
        }
        throw new IllegalStateException("no free port from " + preferred);
    }
}
