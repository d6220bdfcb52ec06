package org.gridgov.matching.candidate;

import java.time.Instant;
import java.util.UUID;

import org.gridgov.contracts.Category;

/**
 * A wish as {@code org.gridgov.wish.submitted.v1} announced it, with the correlation id its candidates
 * carry on (null when it came with none).
 */
public record SubmittedWish(UUID wishId, Category category, UUID communityId, UUID gridId, UUID microGridId,
                            Instant submittedAt, String correlationId) {
}
