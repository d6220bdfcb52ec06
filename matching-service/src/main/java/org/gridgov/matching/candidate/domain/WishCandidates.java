package org.gridgov.matching.candidate.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The candidates kept for a wish, best first, as last computed. */
public record WishCandidates(UUID wishId, UUID communityId, UUID gridId, Instant computedAt,
                             List<RankedCandidate> candidates) {
}
