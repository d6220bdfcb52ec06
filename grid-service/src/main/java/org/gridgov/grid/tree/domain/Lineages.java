package org.gridgov.grid.tree.domain;

import java.util.ArrayList;
import java.util.List;

/** Questions about several nodes at once, answered from their lineages (ancestors then self). */
public final class Lineages {

    private Lineages() {
    }

    /** The lineage of the deepest node all of them lie within; empty when they share no root. */
    public static <T> List<T> common(List<List<T>> lineages) {
        if (lineages.isEmpty()) {
            return List.of();
        }
        List<T> common = new ArrayList<>(lineages.get(0));
        for (List<T> lineage : lineages.subList(1, lineages.size())) {
            int shared = 0;
            while (shared < common.size() && shared < lineage.size() && common.get(shared).equals(lineage.get(shared))) {
                shared++;
            }
            common.subList(shared, common.size()).clear();
        }
        return common;
    }
}
