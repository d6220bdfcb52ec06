package org.gridgov.matching.candidate.domain;

import java.util.List;
import java.util.UUID;

import org.gridgov.matching.fit.domain.GridDistance;

/**
 * Someone who may claim the wish, with the facts the score is made of. {@code home} is where the
 * candidate belongs relative to the wish (its grid for a member, its community for a unit);
 * {@code recentFirsts} is how often it was ranked first lately.
 *
 * @param name the unit's name; members are not named (personal data)
 */
public record Candidate(CandidateKind kind, UUID id, String name, List<Offer> offers, GridDistance home,
                        ServiceRecord record, int recentFirsts) {

    public Candidate {
        offers = List.copyOf(offers);
    }
}
