package org.gridgov.matching.candidate;

import java.util.List;

import org.gridgov.matching.candidate.domain.RankedCandidate;

/** A submitted wish and its candidates, best first. */
public record RankedWish(SubmittedWish wish, List<RankedCandidate> ranked) {
}
