package org.gridgov.matching.projectlist.domain;

import java.util.ArrayList;
import java.util.List;

/** A min-cost flow network: nodes with supplies (negative: demand), arcs with a capacity and a unit cost. */
public final class FlowNetwork {

    public record Arc(int from, int to, long capacity, long unitCost) {
    }

    private final List<Long> supplies = new ArrayList<>();
    private final List<Arc> arcs = new ArrayList<>();

    /** @return the new node's index */
    public int addNode(long supply) {
        supplies.add(supply);
        return supplies.size() - 1;
    }

    /** @return the new arc's index, in the order arcs were added */
    public int addArc(int from, int to, long capacity, long unitCost) {
        if (from >= supplies.size() || to >= supplies.size()) {
            throw new IllegalArgumentException("arc to an unknown node");
        }
        arcs.add(new Arc(from, to, capacity, unitCost));
        return arcs.size() - 1;
    }

    public int nodeCount() {
        return supplies.size();
    }

    public long supply(int node) {
        return supplies.get(node);
    }

    public List<Arc> arcs() {
        return List.copyOf(arcs);
    }
}
