package org.gridgov.committee.project.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.gridgov.committee.project.domain.Project;

/** A project as every reader in its community sees it; a CANCELLED one says why. */
public record ProjectView(UUID id, UUID communityId, int year, String title, String category, String description,
                          List<UUID> needIds, String status, UUID unitId, UUID projectListId, int percent,
                          Instant createdAt, Instant updatedAt, String cancelReason) {

    public static ProjectView of(Project project) {
        return new ProjectView(project.id(), project.communityId(), project.year(), project.title(),
                project.category().name(), project.description(), project.needIds(), project.status().name(),
                project.unitId(), project.projectListId(), project.percent(), project.createdAt(), project.updatedAt(),
                project.cancelReason());
    }
}
