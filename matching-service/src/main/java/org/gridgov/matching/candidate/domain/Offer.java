package org.gridgov.matching.candidate.domain;

import java.util.UUID;

import org.gridgov.contracts.Category;
import org.gridgov.matching.fit.domain.ServiceArea;

/**
 * One item of a unit's current resource list, with how often the unit already delivered its
 * category this period.
 */
public record Offer(UUID itemId, Category category, String title, int capacity, int used, ServiceArea area) {

    public int remaining() {
        return Math.max(0, capacity - used);
    }
}
