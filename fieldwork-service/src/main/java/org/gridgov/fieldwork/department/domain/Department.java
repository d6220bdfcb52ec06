package org.gridgov.fieldwork.department.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.gridgov.contracts.Category;
import org.gridgov.kit.domain.Refusal;

/**
 * A functional department (职能部门: the district's municipal centre, housing, a police station, market
 * regulation …) that takes the cases of its categories referred to it from the streets it serves (none: all).
 */
public record Department(UUID id, String name, List<Category> categories, List<UUID> streetIds, Instant createdAt) {

    public Department {
        if (name == null || name.isBlank()) {
            throw Refusal.invalidField("name", "A department has a name.");
        }
        if (categories == null || categories.isEmpty()) {
            throw Refusal.invalidField("categories", "Name the categories of cases the department handles.");
        }
        name = name.strip();
        categories = List.copyOf(categories.stream().distinct().toList());
        streetIds = streetIds == null ? List.of() : List.copyOf(streetIds.stream().distinct().toList());
    }

    /** Whether a case of this category from this street may be referred to the department (吹哨); refused otherwise. */
    public void requireTakes(Category category, UUID streetId) {
        if (!categories.contains(category)) {
            throw Refusal.invalidField("departmentId", "The department does not handle " + category + " cases.");
        }
        if (!streetIds.isEmpty() && (streetId == null || !streetIds.contains(streetId))) {
            throw Refusal.invalidField("departmentId", "The department does not serve this case's street.");
        }
    }
}
