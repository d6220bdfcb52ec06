package org.gridgov.matching.fit.domain;

/**
 * Distance in the grid tree between a request and who could serve it, nearest first: the same
 * micro-grid, the same grid, the same community, an area that contains the community (a street- or
 * district-wide resource), or somewhere else.
 */
public enum GridDistance {
    SAME_MICRO_GRID, SAME_GRID, SAME_COMMUNITY, WIDER, OUTSIDE;

    public boolean isNearerThan(GridDistance other) {
        return ordinal() < other.ordinal();
    }
}
