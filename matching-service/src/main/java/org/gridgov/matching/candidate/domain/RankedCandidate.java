package org.gridgov.matching.candidate.domain;

import java.util.List;
import java.util.UUID;

/** A candidate's place in the ranking, its score (0–100) and the reasons behind it. */
public record RankedCandidate(int rank, CandidateKind kind, UUID id, String name, double score, List<CandidateReason> reasons) {

    public RankedCandidate {
        reasons = List.copyOf(reasons);
    }
}
