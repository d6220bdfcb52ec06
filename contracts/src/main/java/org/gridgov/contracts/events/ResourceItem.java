package org.gridgov.contracts.events;

import java.util.List;
import java.util.UUID;

import org.gridgov.contracts.Category;

/** One item of a unit's resource list: what it offers, how often, and the grid nodes it serves. */
public record ResourceItem(UUID itemId, Category category, String title, int capacity,
                           List<UUID> area) {
}
