package org.gridgov.grid.household.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * A resident household or a shop at a normalised address, inside exactly one micro-grid and linked
 * to at most one hub household ({@code hubId} null otherwise). The address is personal data.
 */
public record Household(UUID id, HouseholdKind kind, String address, UUID microGridId, UUID hubId, UUID communityId) {

    /** Same place in the tree and same kind: nothing a reader of the tree would see as a change. */
    public boolean samePlacement(Household other) {
        return kind == other.kind && microGridId.equals(other.microGridId)
                && Objects.equals(hubId, other.hubId);
    }
}
