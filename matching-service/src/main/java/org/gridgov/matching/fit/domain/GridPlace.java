package org.gridgov.matching.fit.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Where a wish or need is in the grid tree: its community, grid and (for wishes) micro-grid, and the
 * nodes above the community (street, district) as far as this service knows them.
 */
public record GridPlace(List<UUID> aboveCommunity, UUID communityId, UUID gridId, UUID microGridId) {

    public GridPlace {
        aboveCommunity = List.copyOf(aboveCommunity);
        Objects.requireNonNull(communityId, "communityId");
    }

    /**
     * Builds the place from the ancestor path of its deepest known node (root first), for example the
     * path of a micro-grid: everything before the community is above it.
     */
    public static GridPlace of(List<UUID> pathAboveDeepest, UUID communityId, UUID gridId, UUID microGridId) {
        int community = pathAboveDeepest.indexOf(communityId);
        List<UUID> above = community < 0 ? List.of() : new ArrayList<>(pathAboveDeepest.subList(0, community));
        return new GridPlace(above, communityId, gridId, microGridId);
    }

    /**
     * How far a node lies from this place, given the node's chain (its ancestors root first, then the
     * node itself). The deepest node the two share decides.
     */
    public GridDistance distanceTo(List<UUID> nodeChain) {
        if (microGridId != null && nodeChain.contains(microGridId)) {
            return GridDistance.SAME_MICRO_GRID;
        }
        if (gridId != null && nodeChain.contains(gridId)) {
            return GridDistance.SAME_GRID;
        }
        if (nodeChain.contains(communityId)) {
            return GridDistance.SAME_COMMUNITY;
        }
        UUID node = nodeChain.isEmpty() ? null : nodeChain.get(nodeChain.size() - 1);
        return node != null && aboveCommunity.contains(node) ? GridDistance.WIDER : GridDistance.OUTSIDE;
    }
}
