package org.gridgov.member.resource.domain;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.gridgov.contracts.Category;
import org.gridgov.kit.domain.Refusal;

/**
 * Something a unit offers in a period: how often it can deliver it (capacity) and which grid-tree
 * nodes it serves (area). The id stays the same across revisions of the period's list.
 */
public record ResourceItem(UUID itemId, Category category, String title, int capacity, List<UUID> area) {

    public ResourceItem {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(category, "category");
        if (title == null || title.isBlank()) {
            throw Refusal.invalid("A resource needs a title.");
        }
        if (capacity < 0) {
            throw Refusal.invalid("A resource's capacity cannot be negative.");
        }
        if (area == null || area.isEmpty()) {
            throw Refusal.invalid("A resource serves at least one grid-tree node.");
        }
        title = title.strip();
        area = List.copyOf(area);
    }

    /** Whether the item serves a place whose node and ancestors are {@code placeAndAncestors}. */
    public boolean serves(List<UUID> placeAndAncestors) {
        return area.stream().anyMatch(placeAndAncestors::contains);
    }
}
