package org.gridgov.matching.projectlist.domain;

import java.util.UUID;

import org.gridgov.contracts.Category;
import org.gridgov.matching.fit.domain.ServiceArea;

/** An item of a unit's resource list (资源清单): it can take on up to {@code capacity} projects. */
public record Resource(UUID itemId, UUID unitId, Category category, int capacity, ServiceArea area) {

    public Resource {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative");
        }
    }
}
