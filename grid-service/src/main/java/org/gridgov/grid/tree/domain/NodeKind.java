package org.gridgov.grid.tree.domain;

import java.util.Optional;

/** The levels of the grid tree, top down; each level has exactly one kind of parent. */
public enum NodeKind {
    DISTRICT(null),
    STREET(DISTRICT),
    COMMUNITY(STREET),
    GRID(COMMUNITY),
    MICRO_GRID(GRID),
    HUB_HOUSEHOLD(MICRO_GRID);

    private final NodeKind parent;

    NodeKind(NodeKind parent) {
        this.parent = parent;
    }

    public Optional<NodeKind> parent() {
        return Optional.ofNullable(parent);
    }

    /** The kinds whose nodes an import identifies by a code of its own choosing within the community. */
    public boolean isInsideCommunity() {
        return ordinal() > COMMUNITY.ordinal();
    }
}
