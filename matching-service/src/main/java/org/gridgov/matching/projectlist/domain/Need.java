package org.gridgov.matching.projectlist.domain;

import java.util.UUID;

import org.gridgov.contracts.Category;
import org.gridgov.matching.fit.domain.GridPlace;

/** A need on the community's needs list (需求清单), waiting to become a project. */
public record Need(UUID id, Category category, GridPlace place, NeedPriority priority, int householdsAffected) {
}
