package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.gridgov.contracts.Category;

/**
 * {@code org.gridgov.department.registered.v1}: Department registered. A functional department (职能部门) was
 * registered by the district to take cases referred to it (吹哨报到), for these categories and streets (none:
 * every street).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DepartmentRegistered(UUID departmentId, String name, List<Category> categories, List<UUID> streetIds,
                                   Instant occurredAt) implements Event {
}
