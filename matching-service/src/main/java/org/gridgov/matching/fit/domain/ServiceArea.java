package org.gridgov.matching.fit.domain;

import java.util.List;
import java.util.UUID;

/** The grid nodes a resource serves, each as its chain (ancestors root first, then the node). */
public record ServiceArea(List<List<UUID>> nodeChains) {

    public ServiceArea {
        nodeChains = nodeChains.stream().map(List::copyOf).toList();
    }

    /** The nearest of the area's nodes to the place; {@link GridDistance#OUTSIDE} for an empty area. */
    public GridDistance distanceTo(GridPlace place) {
        GridDistance nearest = GridDistance.OUTSIDE;
        for (List<UUID> chain : nodeChains) {
            GridDistance distance = place.distanceTo(chain);
            if (distance.isNearerThan(nearest)) {
                nearest = distance;
            }
        }
        return nearest;
    }
}
