package org.gridgov.matching.candidate.domain;

import java.time.Instant;
import java.util.UUID;

import org.gridgov.contracts.Category;
import org.gridgov.matching.fit.domain.GridPlace;

/** A submitted wish as the ranking needs it: what is asked for, where, and when. */
public record WishToMatch(UUID wishId, Category category, GridPlace place, Instant submittedAt) {
}
