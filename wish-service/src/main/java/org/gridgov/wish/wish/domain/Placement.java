package org.gridgov.wish.wish.domain;

import java.util.Objects;
import java.util.UUID;

/** Where in the grid tree a wish lies, resolved from the resident's address. */
public record Placement(UUID microGridId, UUID gridId, UUID communityId) {

    public Placement {
        Objects.requireNonNull(microGridId, "microGridId");
        Objects.requireNonNull(gridId, "gridId");
        Objects.requireNonNull(communityId, "communityId");
    }
}
