package org.gridgov.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code org.gridgov.assessment.computed.v1}: Assessment computed. The committee froze a new version of a
 * community's year-end assessment (年底考核) of its member units; each unit's score and band, by the rule named.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AssessmentComputed(UUID assessmentId, UUID communityId, int year, int version, String rule,
                                 List<Unit> units, Instant occurredAt) implements Event {

    public record Unit(UUID unitId, int score, Band band) {
    }

    public enum Band { EXCELLENT, GOOD, PASS, FAIL }
}
