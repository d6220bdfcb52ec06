package org.gridgov.matching.projectlist.domain;

/** How pressing a need is, as grid staff recorded it; the weight scales its cost in the project list. */
public enum NeedPriority {
    LOW(1), NORMAL(2), HIGH(3), URGENT(4);

    private final int weight;

    NeedPriority(int weight) {
        this.weight = weight;
    }

    public int weight() {
        return weight;
    }
}
