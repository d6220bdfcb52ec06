package org.gridgov.grid.staff.domain;

import org.gridgov.grid.tree.domain.NodeKind;

/** 一长六员 of a grid, and the chief of a micro-grid: one person per role per node. */
public enum GridRole {
    GRID_CHIEF(NodeKind.GRID),
    PARTY_INSTRUCTOR(NodeKind.GRID),
    SAFETY_SANITATION(NodeKind.GRID),
    MEDIATOR(NodeKind.GRID),
    FIREFIGHTER(NodeKind.GRID),
    POLICE(NodeKind.GRID),
    PATROLLER(NodeKind.GRID),
    MICRO_GRID_CHIEF(NodeKind.MICRO_GRID);

    private final NodeKind servesIn;

    GridRole(NodeKind servesIn) {
        this.servesIn = servesIn;
    }

    /** The kind of node the role exists in: a grid for 一长六员, a micro-grid for its chief. */
    public NodeKind servesIn() {
        return servesIn;
    }
}
