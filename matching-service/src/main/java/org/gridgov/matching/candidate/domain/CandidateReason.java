package org.gridgov.matching.candidate.domain;

import java.util.Locale;

/** One part of a candidate's score: which factor, how many points it gave, and why. */
public record CandidateReason(Factor factor, double points, String detail) {

    public enum Factor {
        CATEGORY_FIT, DISTANCE, CAPACITY, LOAD, ON_TIME, FAIRNESS
    }

    /** A one-line form for events and logs, e.g. {@code DISTANCE +18.0: same grid}. */
    public String describe() {
        return String.format(Locale.ROOT, "%s %+.1f: %s", factor, points, detail);
    }
}
