package org.gridgov.matching.candidate.domain;

/** Who can claim a wish: a member unit, or a party member in person (a "red partner"). */
public enum CandidateKind {
    UNIT, PARTY_MEMBER
}
