package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code org.gridgov.matching.candidates-computed.v1}: Matching candidates computed. Ranked candidates for a
 * wish, best first, for the dispatcher.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MatchingCandidatesComputed(UUID wishId, List<Candidate> candidates, Instant occurredAt) implements Event {

    public record Candidate(String kind, UUID id, double score, @Nullable List<String> reasons) {
    }
}
