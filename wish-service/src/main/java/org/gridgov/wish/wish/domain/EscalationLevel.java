package org.gridgov.wish.wish.domain;

import java.util.Optional;

/**
 * Who answers for a wish: the grid at first (小事不出网格); an SLA breach raises it to the community
 * (大事不出社区) and a further one to the street. The level only ever rises.
 */
public enum EscalationLevel {
    GRID, COMMUNITY, STREET;

    public Optional<EscalationLevel> next() {
        return this == STREET ? Optional.empty() : Optional.of(values()[ordinal() + 1]);
    }

    public boolean isEscalated() {
        return this != GRID;
    }
}
