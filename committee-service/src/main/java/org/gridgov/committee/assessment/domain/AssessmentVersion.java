package org.gridgov.committee.assessment.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A frozen version of a community's year-end assessment: every unit's result, best first, and the
 * fingerprint of what it froze, by which a recomputation that finds the same is recognised.
 */
public record AssessmentVersion(UUID id, UUID communityId, int year, int version, String rule, String fingerprint,
                                Instant computedAt, List<Placed> units) {

    public AssessmentVersion {
        units = List.copyOf(units);
    }

    /** A unit's result and its place (1 for the best) in the version. */
    public record Placed(int place, YearEndAssessment.Result result) {
    }

    /** The same version showing only this unit's row. */
    public AssessmentVersion onlyUnit(UUID unitId) {
        return new AssessmentVersion(id, communityId, year, version, rule, fingerprint, computedAt,
                units.stream().filter(placed -> placed.result().figures().unitId().equals(unitId)).toList());
    }
}
